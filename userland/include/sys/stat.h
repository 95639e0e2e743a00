/* sys/stat.h - struct stat exactly as the asm-generic (riscv64) kernel fills it. */
#ifndef _SYS_STAT_H
#define _SYS_STAT_H

#include <sys/types.h>
#include <time.h>

struct stat {                       /* 128 bytes */
	dev_t st_dev;                   /*   0 */
	ino_t st_ino;                   /*   8 */
	mode_t st_mode;                 /*  16 */
	nlink_t st_nlink;               /*  20 */
	uid_t st_uid;                   /*  24 */
	gid_t st_gid;                   /*  28 */
	dev_t st_rdev;                  /*  32 */
	unsigned long __pad1;           /*  40 */
	off_t st_size;                  /*  48 */
	int st_blksize;                 /*  56 */
	int __pad2;                     /*  60 */
	long st_blocks;                 /*  64 */
	struct timespec st_atim;        /*  72 */
	struct timespec st_mtim;        /*  88 */
	struct timespec st_ctim;        /* 104 */
	unsigned int __unused4;         /* 120 */
	unsigned int __unused5;         /* 124 */
};
#define st_atime st_atim.tv_sec
#define st_mtime st_mtim.tv_sec
#define st_ctime st_ctim.tv_sec

#define S_IFMT   0170000
#define S_IFSOCK 0140000
#define S_IFLNK  0120000
#define S_IFREG  0100000
#define S_IFBLK  0060000
#define S_IFDIR  0040000
#define S_IFCHR  0020000
#define S_IFIFO  0010000
#define S_ISUID  04000
#define S_ISGID  02000
#define S_ISVTX  01000
#define S_IRWXU  0700
#define S_IRUSR  0400
#define S_IWUSR  0200
#define S_IXUSR  0100
#define S_IRWXG  0070
#define S_IRGRP  0040
#define S_IWGRP  0020
#define S_IXGRP  0010
#define S_IRWXO  0007
#define S_IROTH  0004
#define S_IWOTH  0002
#define S_IXOTH  0001

#define S_ISREG(m)  (((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m)  (((m) & S_IFMT) == S_IFDIR)
#define S_ISCHR(m)  (((m) & S_IFMT) == S_IFCHR)
#define S_ISBLK(m)  (((m) & S_IFMT) == S_IFBLK)
#define S_ISFIFO(m) (((m) & S_IFMT) == S_IFIFO)
#define S_ISLNK(m)  (((m) & S_IFMT) == S_IFLNK)
#define S_ISSOCK(m) (((m) & S_IFMT) == S_IFSOCK)

int stat(const char *restrict path, struct stat *restrict st);
int lstat(const char *restrict path, struct stat *restrict st);
int fstat(int fd, struct stat *st);
int fstatat(int dirfd, const char *restrict path, struct stat *restrict st, int flags);
int mkdir(const char *path, mode_t mode);
int mkdirat(int dirfd, const char *path, mode_t mode);
mode_t umask(mode_t mask);
int chmod(const char *path, mode_t mode);
int fchmod(int fd, mode_t mode);

#endif
