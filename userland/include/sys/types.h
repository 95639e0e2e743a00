/* sys/types.h - POSIX scalar types, sized as the Linux riscv64 kernel ABI uses them. */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <stddef.h>

#ifndef __DEFINED_ssize_t	/* also in stdio.h */
#define __DEFINED_ssize_t
typedef long          ssize_t;
#endif
#ifndef __DEFINED_off_t
#define __DEFINED_off_t
typedef long          off_t;
#endif
typedef int           pid_t;
typedef unsigned int  uid_t;
typedef unsigned int  gid_t;
typedef unsigned int  mode_t;
typedef unsigned long dev_t;
typedef unsigned long ino_t;
typedef unsigned int  nlink_t;
typedef long          blksize_t;
typedef long          blkcnt_t;
typedef long          time_t;
typedef long          suseconds_t;
typedef unsigned int  useconds_t;
typedef long          clock_t;
typedef int           clockid_t;
typedef int           id_t;

#endif
