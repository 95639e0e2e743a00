/*
 * sh - a small shell.
 *
 *   sh                 read commands from stdin, prompting "$ " on a terminal
 *   sh FILE            run the commands in FILE
 *   sh -c COMMANDS     run one command line
 *
 * A line is a list of jobs:
 *   line        := job ((';' | '&' | newline) job)*     '#' starts a comment
 *   job         := command ('|' command)*                '&' runs it in the background
 *   command     := (WORD | redirection)*
 *   redirection := [N]'<' WORD | [N]'>' WORD | [N]'>>' WORD | [N]'>&'M
 *                  (N, M: one digit; N defaults to 0 for '<', else to 1)
 * Words: '...' is taken literally; "..." expands $ and keeps \" \\ \$ \` as
 * escapes; an unquoted backslash quotes the next character. $? $$ $! $NAME
 * and ${NAME} expand inside a word and never split it; an unquoted word that
 * expands to nothing disappears.
 *
 * Every variable is an environment variable: NAME=VALUE alone sets it in the
 * shell, NAME=VALUE before a command sets it for that command only.
 * Builtins: cd [DIR], exit [N], wait, jobs, export [NAME=VALUE...].
 * Everything else runs in a child found through $PATH (libc execvp).
 *
 * $? is a command's exit code, or 128 + S if signal S killed it; SIGSEGV
 * and SIGKILL are also reported on stderr, as bash does. A command that is
 * not found gives "sh: NAME: not found" and 127. A background job prints
 * "[N] PID" when started and "[N] Done  CMD" (or "Exit S", or the signal's
 * name) once all of it has ended; the shell looks for ended jobs before
 * each job and prompt, and `wait` waits for all of them.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_ARGS   64
#define MAX_REDIRS 8
#define MAX_CMDS   16	/* commands in one pipeline */
#define MAX_JOBS   16	/* background jobs at once */

extern char **environ;	/* POSIX: declared by the program that uses it */

static int last_status;	/* $? */
static pid_t shell_pid;	/* $$ (children keep the shell's value, as they should) */
static pid_t last_bg_pid;	/* $!, 0 before the first background job */

static void *xrealloc(void *p, size_t n)
{
	if (!(p = realloc(p, n))) {
		fputs("sh: out of memory\n", stderr);
		exit(2);
	}
	return p;
}

/* Exit code of a child as the shell reports it in $?: 128 + signal if killed. */
static int shell_status(int wait_status)
{
	if (WIFSIGNALED(wait_status))
		return 128 + WTERMSIG(wait_status);
	return WEXITSTATUS(wait_status);
}

/* ---- growable string: s[0..len) is always NUL-terminated ---- */

struct buf {
	char *s;
	size_t len, cap;
};

static void buf_add(struct buf *b, char c)
{
	if (b->len + 2 > b->cap) {
		b->cap = b->cap ? 2 * b->cap : 32;
		b->s = xrealloc(b->s, b->cap);
	}
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

/* Makes b the empty string (allocating it if need be). */
static void buf_clear(struct buf *b)
{
	if (!b->s)
		b->s = xrealloc(NULL, b->cap = 32);
	b->len = 0;
	b->s[0] = '\0';
}

static void buf_adds(struct buf *b, const char *s)
{
	while (*s)
		buf_add(b, *s++);
}

/* ---- lexer: turns a line into words and operators ---- */

enum kind { WORD, REDIR, PIPE, AMP, SEMI, END, BAD };
enum how { READ, WRITE, APPEND, DUP };

struct redir {
	int fd;	/* the descriptor the command will see */
	enum how how;
	int from;	/* DUP: fd becomes a copy of this one */
	char *path;	/* READ, WRITE, APPEND */
};

struct token {
	enum kind kind;
	char *word;	/* WORD: malloc'd, owned by whoever takes it */
	struct redir redir;	/* REDIR: everything but path, which is the next WORD */
};

struct lexer {
	const char *p;	/* next unread character */
	const char *tok;	/* start of the last token returned */
};

/* Appends the value of the $-expression at p (which points at '$'); returns the rest. */
static const char *expand(const char *p, struct buf *b)
{
	char num[24];
	p++;
	if (*p == '?' || *p == '$' || *p == '!') {
		long v = *p == '?' ? last_status : *p == '$' ? shell_pid : last_bg_pid;
		if (*p != '!' || last_bg_pid) {
			snprintf(num, sizeof num, "%ld", v);
			buf_adds(b, num);
		}
		return p + 1;
	}
	int braced = *p == '{';
	const char *name = p + braced;
	size_t n = 0;
	while (isalnum((unsigned char)name[n]) || name[n] == '_')
		n++;
	if (n == 0 || (braced && name[n] != '}')) {
		buf_add(b, '$');	/* not an expansion: a literal dollar */
		return p;
	}
	char key[128];
	if (n < sizeof key) {
		memcpy(key, name, n);
		key[n] = '\0';
		const char *v = getenv(key);
		if (v)
			buf_adds(b, v);
	}
	return name + n + braced;
}

/* Reads one word at lx->p into a new string; NULL if a quote is left open. */
static char *lex_word(struct lexer *lx, int *quoted)
{
	struct buf b = { 0 };
	const char *p = lx->p;
	buf_clear(&b);
	*quoted = 0;
	while (*p && !strchr(" \t\n;&|<>", *p)) {
		if (*p == '\'' || *p == '"') {
			char q = *p++;
			*quoted = 1;
			while (*p && *p != q) {
				if (q == '"' && *p == '$')
					p = expand(p, &b);
				else if (q == '"' && *p == '\\' && p[1] && strchr("\"\\$`", p[1])) {
					buf_add(&b, p[1]);
					p += 2;
				} else
					buf_add(&b, *p++);
			}
			if (!*p) {
				free(b.s);
				return NULL;
			}
			p++;
		} else if (*p == '\\') {
			*quoted = 1;
			if (p[1])
				buf_add(&b, *++p);
			p++;
		} else if (*p == '$') {
			p = expand(p, &b);
		} else {
			buf_add(&b, *p++);
		}
	}
	lx->p = p;
	return b.s;
}

/* p is at '<' or '>', maybe after one digit naming the fd: fills r, returns the rest. */
static const char *lex_redir(const char *p, struct redir *r)
{
	int fd = isdigit((unsigned char)*p) ? *p++ - '0' : -1;
	if (*p == '<') {
		r->how = READ;
		p++;
	} else if (p[1] == '>') {
		r->how = APPEND;
		p += 2;
	} else if (p[1] == '&' && isdigit((unsigned char)p[2])) {
		r->how = DUP;
		r->from = p[2] - '0';
		p += 3;
	} else {
		r->how = WRITE;
		p++;
	}
	r->fd = fd >= 0 ? fd : r->how == READ ? 0 : 1;
	return p;
}

static void skip_blanks(struct lexer *lx)
{
	while (*lx->p == ' ' || *lx->p == '\t')
		lx->p++;
	if (*lx->p == '#')
		while (*lx->p && *lx->p != '\n')
			lx->p++;
}

static enum kind next_token(struct lexer *lx, struct token *t)
{
	for (;;) {
		skip_blanks(lx);
		const char *p = lx->tok = lx->p;
		switch (*p) {
		case '\0': return t->kind = END;
		case '\n':
		case ';': lx->p++; return t->kind = SEMI;
		case '&': lx->p++; return t->kind = AMP;
		case '|': lx->p++; return t->kind = PIPE;
		}
		const char *op = isdigit((unsigned char)*p) ? p + 1 : p;	/* 2> and the like */
		if (*op == '<' || *op == '>') {
			lx->p = lex_redir(p, &t->redir);
			t->redir.path = NULL;
			return t->kind = REDIR;
		}
		int quoted;
		if (!(t->word = lex_word(lx, &quoted)))
			return t->kind = BAD;
		if (*t->word || quoted)
			return t->kind = WORD;
		free(t->word);	/* an unquoted expansion of nothing: no word at all */
	}
}

/* ---- parser: one job (a pipeline) at a time ---- */

struct command {
	char *argv[MAX_ARGS + 1];	/* NULL-terminated */
	int argc;
	struct redir redirs[MAX_REDIRS];	/* applied in order */
	int nredirs;
};

struct job {
	struct command cmds[MAX_CMDS];
	int ncmds;	/* 0 for an empty job such as a blank line */
	int background;
	char *text;	/* the job as typed, for job reports */
};

static void free_job(struct job *j)
{
	for (int i = 0; i < j->ncmds; i++) {
		struct command *c = &j->cmds[i];
		for (int k = 0; k < c->argc; k++)
			free(c->argv[k]);
		for (int k = 0; k < c->nredirs; k++)
			free(c->redirs[k].path);
	}
	free(j->text);
	memset(j, 0, sizeof *j);
}

static int syntax_error(struct job *j, const char *what)
{
	fprintf(stderr, "sh: syntax error: %s\n", what);
	free_job(j);
	return -1;
}

static int is_empty(const struct command *c) { return c->argc == 0 && c->nredirs == 0; }

/*
 * Reads the next job from the lexer, expanding its words now, so that $?
 * sees the jobs before it. Returns 1 if more of the line follows, 0 at its
 * end, -1 on a syntax error (message printed, j left empty).
 */
static int parse_job(struct lexer *lx, struct job *j)
{
	memset(j, 0, sizeof *j);
	j->ncmds = 1;
	skip_blanks(lx);
	const char *start = lx->p;
	struct command *c = &j->cmds[0];
	for (;;) {
		struct token t, file;
		switch (next_token(lx, &t)) {
		case WORD:
			if (c->argc == MAX_ARGS) {
				free(t.word);
				return syntax_error(j, "too many arguments");
			}
			c->argv[c->argc++] = t.word;
			break;
		case REDIR:
			if (c->nredirs == MAX_REDIRS)
				return syntax_error(j, "too many redirections");
			if (t.redir.how != DUP) {
				if (next_token(lx, &file) != WORD)
					return syntax_error(j, "missing file name after redirection");
				t.redir.path = file.word;
			}
			c->redirs[c->nredirs++] = t.redir;
			break;
		case PIPE:
			if (is_empty(c))
				return syntax_error(j, "missing command before '|'");
			if (j->ncmds == MAX_CMDS)
				return syntax_error(j, "pipeline too long");
			c = &j->cmds[j->ncmds++];
			break;
		case BAD:
			return syntax_error(j, "unterminated quote");
		case AMP:
			j->background = 1;
			/* fall through */
		default:	/* SEMI, END */
			if (is_empty(c)) {
				if (j->ncmds > 1 || j->background)
					return syntax_error(j, "missing command");
				j->ncmds = 0;
			}
			const char *end = lx->tok;
			while (end > start && (end[-1] == ' ' || end[-1] == '\t'))
				end--;
			j->text = strndup(start, (size_t)(end - start));
			return t.kind != END;
		}
	}
}

/* ---- redirections ---- */

/* Applies c's redirections to this process; -1 (message printed) on failure. */
static int apply_redirs(const struct command *c)
{
	static const int flags[] = {
		[READ] = O_RDONLY,
		[WRITE] = O_WRONLY | O_CREAT | O_TRUNC,
		[APPEND] = O_WRONLY | O_CREAT | O_APPEND,
	};
	for (int i = 0; i < c->nredirs; i++) {
		const struct redir *r = &c->redirs[i];
		if (r->how == DUP) {
			if (dup2(r->from, r->fd) < 0) {
				fprintf(stderr, "sh: %d: %s\n", r->from, strerror(errno));
				return -1;
			}
			continue;
		}
		int fd = open(r->path, flags[r->how], 0644);
		if (fd < 0) {
			fprintf(stderr, "sh: %s: %s\n", r->path, strerror(errno));
			return -1;
		}
		if (fd != r->fd) {
			dup2(fd, r->fd);
			close(fd);
		}
	}
	return 0;
}

/* ---- background jobs ---- */

struct bgjob {
	int id;	/* [N]; 0 marks a free slot */
	pid_t pids[MAX_CMDS];	/* 0 once reaped */
	int live;	/* children not yet reaped */
	pid_t last;	/* the pipeline's last command: its status is the job's */
	int status;	/* raw wait status of last */
	char *text;
};

static struct bgjob jobs[MAX_JOBS];

static struct bgjob *free_slot(void)
{
	for (int i = 0; i < MAX_JOBS; i++)
		if (!jobs[i].id)
			return &jobs[i];
	return NULL;
}

static int live_jobs(void)
{
	int n = 0;
	for (int i = 0; i < MAX_JOBS; i++)
		n += jobs[i].id != 0;
	return n;
}

static void add_job(struct bgjob *b, struct job *j, const pid_t *pids, int n)
{
	int id = 0;
	for (int i = 0; i < MAX_JOBS; i++)
		if (jobs[i].id > id)
			id = jobs[i].id;
	b->id = id + 1;
	memcpy(b->pids, pids, n * sizeof *pids);
	b->live = n;
	b->last = pids[n - 1];
	b->status = 0;
	b->text = j->text;	/* the job table takes the text over */
	j->text = NULL;
	last_bg_pid = b->last;
	fprintf(stderr, "[%d] %d\n", b->id, (int)b->last);
}

static void report_done(struct bgjob *b)
{
	if (WIFSIGNALED(b->status))
		fprintf(stderr, "[%d] %s  %s\n", b->id, strsignal(WTERMSIG(b->status)), b->text);
	else if (WEXITSTATUS(b->status))
		fprintf(stderr, "[%d] Exit %d  %s\n", b->id, WEXITSTATUS(b->status), b->text);
	else
		fprintf(stderr, "[%d] Done  %s\n", b->id, b->text);
	free(b->text);
	memset(b, 0, sizeof *b);
}

/* Records that pid ended with status; reports its job once all of it ended. */
static void note_exit(pid_t pid, int status)
{
	for (int i = 0; i < MAX_JOBS; i++) {
		struct bgjob *b = &jobs[i];
		for (int k = 0; b->id && k < MAX_CMDS; k++) {
			if (b->pids[k] != pid)
				continue;
			b->pids[k] = 0;
			if (pid == b->last)
				b->status = status;
			if (--b->live == 0)
				report_done(b);
			return;
		}
	}
}

/* Reaps finished background children: all of them (options 0) or those already done (WNOHANG). */
static void reap_jobs(int options)
{
	while (live_jobs()) {
		int status;
		pid_t pid = waitpid(-1, &status, options);
		if (pid < 0 && errno == EINTR)
			continue;
		if (pid <= 0)
			return;	/* none finished yet, or no children (in a pipeline's child) */
		note_exit(pid, status);
	}
}

/* ---- builtins ---- */

static int builtin_cd(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : getenv("HOME");
	if (!dir)
		dir = "/";
	if (chdir(dir) < 0) {
		fprintf(stderr, "sh: cd: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	return 0;
}

static int builtin_exit(int argc, char **argv)
{
	int status = last_status;
	if (argc > 1) {
		char *end;
		status = (int)strtol(argv[1], &end, 10);
		if (!*argv[1] || *end) {
			fprintf(stderr, "sh: exit: %s: numeric argument required\n", argv[1]);
			status = 2;
		}
	}
	exit(status & 0xff);
}

static int builtin_wait(int argc, char **argv)
{
	reap_jobs(0);
	return 0;
}

static int builtin_jobs(int argc, char **argv)
{
	for (int i = 0; i < MAX_JOBS; i++)
		if (jobs[i].id)
			printf("[%d] Running  %s\n", jobs[i].id, jobs[i].text);
	return 0;
}

/* "NAME=VALUE" with a valid NAME? */
static int is_assignment(const char *w)
{
	if (!isalpha((unsigned char)*w) && *w != '_')
		return 0;
	while (isalnum((unsigned char)*w) || *w == '_')
		w++;
	return *w == '=';
}

static void assign(char *w)
{
	char *eq = strchr(w, '=');
	*eq = '\0';
	setenv(w, eq + 1, 1);
	*eq = '=';
}

/* Every variable is already in the environment: export only assigns. */
static int builtin_export(int argc, char **argv)
{
	if (argc == 1)
		for (char **e = environ; *e; e++)
			printf("export %s\n", *e);
	for (int i = 1; i < argc; i++)
		if (is_assignment(argv[i]))
			assign(argv[i]);
	return 0;
}

static const struct builtin {
	const char *name;
	int (*run)(int argc, char **argv);
} builtins[] = {
	{ "cd", builtin_cd },
	{ "exit", builtin_exit },
	{ "wait", builtin_wait },
	{ "jobs", builtin_jobs },
	{ "export", builtin_export },
};

static const struct builtin *find_builtin(const char *name)
{
	for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++)
		if (strcmp(builtins[i].name, name) == 0)
			return &builtins[i];
	return NULL;
}

static int count_assignments(const struct command *c)
{
	int k = 0;
	while (k < c->argc && is_assignment(c->argv[k]))
		k++;
	return k;
}

/* ---- running commands ---- */

/* In a child: redirect, assign, then run the builtin or program. Never returns. */
static void exec_command(struct command *c)
{
	if (apply_redirs(c) < 0)
		_exit(1);
	int k = count_assignments(c);
	for (int i = 0; i < k; i++)
		assign(c->argv[i]);
	char **argv = c->argv + k;
	if (!argv[0])
		_exit(0);
	const struct builtin *b = find_builtin(argv[0]);
	if (b)
		exit(b->run(c->argc - k, argv));	/* exit flushes the builtin's output */
	execvp(argv[0], argv);
	if (errno == ENOENT && !strchr(argv[0], '/')) {
		fprintf(stderr, "sh: %s: not found\n", argv[0]);
		_exit(127);
	}
	fprintf(stderr, "sh: %s: %s\n", argv[0], strerror(errno));
	_exit(errno == ENOENT ? 127 : 126);
}

/*
 * A command that must change the shell itself (a builtin, or assignments
 * alone) runs in the shell, with its redirections applied around it.
 */
static int runs_in_shell(const struct command *c)
{
	int k = count_assignments(c);
	return k == c->argc || find_builtin(c->argv[k]);
}

static int run_in_shell(struct command *c)
{
	int saved[3];
	for (int fd = 0; fd < 3; fd++)
		saved[fd] = c->nredirs ? fcntl(fd, F_DUPFD_CLOEXEC, 10) : -1;
	int status = 1;
	if (apply_redirs(c) == 0) {
		int k = count_assignments(c);
		if (k == c->argc) {
			for (int i = 0; i < k; i++)
				assign(c->argv[i]);
			status = 0;
		} else {
			status = find_builtin(c->argv[k])->run(c->argc - k, c->argv + k);
		}
	}
	fflush(stdout);	/* while stdout is still where the builtin wrote */
	for (int fd = 0; c->nredirs && fd < 3; fd++) {
		if (saved[fd] < 0) {
			close(fd);
			continue;
		}
		dup2(saved[fd], fd);
		close(saved[fd]);
	}
	return status;
}

/* Forks a child for c reading from `in` and writing to out[1] (-1: inherited). */
static pid_t spawn(struct command *c, int in, const int out[2])
{
	fflush(stdout);	/* or the child would inherit, and print again, pending output */
	pid_t pid = fork();
	if (pid < 0)
		fprintf(stderr, "sh: fork: %s\n", strerror(errno));
	if (pid != 0)
		return pid;
	if (in >= 0) {
		dup2(in, 0);
		close(in);
	}
	if (out[1] >= 0) {
		dup2(out[1], 1);
		close(out[1]);
		close(out[0]);
	}
	exec_command(c);
	return -1;	/* not reached */
}

/*
 * Starts every command of j, each reading the previous one's pipe. Between
 * forks the shell holds only the read end meant for the next command, so
 * each pipe's write end ends up in its writer alone and readers see EOF.
 * Returns how many children started (fewer than j->ncmds on failure).
 */
static int start_pipeline(struct job *j, pid_t *pids)
{
	int in = -1, n;
	for (n = 0; n < j->ncmds; n++) {
		int p[2] = { -1, -1 };
		if (n + 1 < j->ncmds && pipe(p) < 0) {
			fprintf(stderr, "sh: pipe: %s\n", strerror(errno));
			break;
		}
		pid_t pid = spawn(&j->cmds[n], in, p);
		if (in >= 0)
			close(in);
		if (p[1] >= 0)
			close(p[1]);
		in = p[0];
		if (pid < 0)
			break;
		pids[n] = pid;
	}
	if (in >= 0)
		close(in);
	return n;
}

/* Waits for a foreground pipeline; its status is the last command's. */
static int wait_pipeline(const pid_t *pids, int n)
{
	int result = 0;
	for (int i = 0; i < n; i++) {
		int status;
		while (waitpid(pids[i], &status, 0) < 0)
			if (errno != EINTR)
				return 1;
		int sig = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
		if (sig == SIGSEGV || sig == SIGKILL)
			fprintf(stderr, "%s\n", strsignal(sig));
		result = shell_status(status);
	}
	return result;
}

static void run_job(struct job *j)
{
	if (j->ncmds == 1 && !j->background && runs_in_shell(&j->cmds[0])) {
		last_status = run_in_shell(&j->cmds[0]);
		return;
	}
	struct bgjob *slot = NULL;
	if (j->background && !(slot = free_slot())) {
		fputs("sh: too many background jobs\n", stderr);
		last_status = 1;
		return;
	}
	pid_t pids[MAX_CMDS];
	int n = start_pipeline(j, pids);
	if (slot) {
		if (n > 0)
			add_job(slot, j, pids, n);
		last_status = 0;
	} else {
		last_status = wait_pipeline(pids, n);
	}
	if (n < j->ncmds)
		last_status = 1;	/* a pipe or fork failed (reported) */
}

/* Runs every job of text, which may hold several lines. */
static void run_text(const char *text)
{
	struct lexer lx = { text, text };
	struct job j;
	int more;
	do {
		reap_jobs(WNOHANG);
		more = parse_job(&lx, &j);
		if (more < 0) {
			last_status = 2;
			return;
		}
		if (j.ncmds)
			run_job(&j);
		free_job(&j);
	} while (more);
}

/*
 * Reads one line (without its newline) a byte at a time: reading ahead
 * would take input away from the commands that share our stdin.
 * Returns 0 at end of input.
 */
static int read_line(int fd, struct buf *line)
{
	buf_clear(line);
	for (;;) {
		char c;
		ssize_t r = read(fd, &c, 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return line->len > 0;
		if (c == '\n')
			return 1;
		buf_add(line, c);
	}
}

int main(int argc, char **argv)
{
	shell_pid = getpid();
	if (argc > 1 && strcmp(argv[1], "-c") == 0) {
		if (argc < 3) {
			fputs("sh: -c: option requires an argument\n", stderr);
			return 2;
		}
		run_text(argv[2]);
		return last_status;
	}
	int fd = 0;
	if (argc > 1 && (fd = open(argv[1], O_RDONLY | O_CLOEXEC)) < 0) {
		fprintf(stderr, "sh: %s: %s\n", argv[1], strerror(errno));
		return 127;
	}
	int interactive = fd == 0 && isatty(0);
	struct buf line = { 0 };
	for (;;) {
		reap_jobs(WNOHANG);
		if (interactive)
			fputs("$ ", stderr);
		if (!read_line(fd, &line))
			break;
		run_text(line.s);
	}
	free(line.s);
	return last_status;
}
