/*
 * The floor of any relay on this machine, without Java, Tomcat or websockets: N sessions of a source that writes
 * 1 MiB buffers as fast as it can and a sink that reads them, connected over loopback TCP
 *   - directly (mode 0),
 *   - through a relay process that read()s 256 KiB and write()s it with a 4-byte header (mode 1: what every
 *     user-space relay does, websockify, socat and the portal included),
 *   - through a relay that moves the bytes with splice() through a pipe, never copying them to user space
 *     (mode 2: zero-copy, what Java cannot do).
 * Prints the sinks' total MB/s. Build and run (bench/README.md, "The floor"):
 *   gcc -O2 -o /tmp/relay-floor bench/src/main/c/relay-floor.c
 *   for mode in 0 1 2; do /tmp/relay-floor $mode 5 20; done      # mode, seconds, sessions
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define UPDATE (1 << 20)
#define CHUNK (256 * 1024)

static int listen_on(int *port) {
    int s = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t l = sizeof a;
    setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (bind(s, (struct sockaddr *) &a, sizeof a) || listen(s, 4) || getsockname(s, (struct sockaddr *) &a, &l)) {
        perror("listen");
        exit(1);
    }
    *port = ntohs(a.sin_port);
    return s;
}

static int connect_to(int port) {
    int s = socket(AF_INET, SOCK_STREAM, 0), one = 1;
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK), .sin_port = htons(port)};
    if (connect(s, (struct sockaddr *) &a, sizeof a)) {
        perror("connect");
        exit(1);
    }
    setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return s;
}

static int accept_one(int listener) {
    int s = accept(listener, NULL, NULL), one = 1;
    setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return s;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void source(int listener) {
    int out = accept_one(listener);
    char *update = malloc(UPDATE);
    for (int i = 0; i < UPDATE; i++) {
        update[i] = (char) rand();
    }
    while (write(out, update, UPDATE) > 0) {
    }
    _exit(0);
}

static void copy_relay(int in, int out) {
    char *buffer = malloc(CHUNK + 4);
    for (;;) {
        ssize_t n = read(in, buffer + 4, CHUNK);
        if (n <= 0 || write(out, buffer, n + 4) <= 0) {
            _exit(0);
        }
    }
}

static void splice_relay(int in, int out) {
    int pipe_fds[2];
    char header[4] = {(char) 0x82, 126, 0, 0};
    if (pipe(pipe_fds)) {
        _exit(1);
    }
    fcntl(pipe_fds[1], F_SETPIPE_SZ, 1 << 20);
    for (;;) {
        ssize_t n = splice(in, NULL, pipe_fds[1], NULL, 1 << 20, SPLICE_F_MOVE);
        if (n <= 0 || send(out, header, sizeof header, MSG_MORE) <= 0) {
            _exit(0);
        }
        while (n > 0) {
            ssize_t moved = splice(pipe_fds[0], NULL, out, NULL, n, SPLICE_F_MOVE);
            if (moved <= 0) {
                _exit(0);
            }
            n -= moved;
        }
    }
}

/* One session: source, relay (modes 1 and 2), sink; the sink adds its bytes to total. */
static void session(int mode, double seconds, volatile long *total) {
    int source_port, relay_port;
    int source_listener = listen_on(&source_port), relay_listener = listen_on(&relay_port);
    if (fork() == 0) {
        source(source_listener);
    }
    if (mode != 0 && fork() == 0) {
        int in = connect_to(source_port), out = accept_one(relay_listener);
        if (mode == 1) {
            copy_relay(in, out);
        }
        splice_relay(in, out);
    }
    int in = connect_to(mode == 0 ? source_port : relay_port);
    char *buffer = malloc(UPDATE);
    long bytes = 0;
    double end = now() + seconds;
    while (now() < end) {
        ssize_t n = read(in, buffer, UPDATE);
        if (n <= 0) {
            break;
        }
        bytes += n;
    }
    __atomic_add_fetch(total, bytes, __ATOMIC_SEQ_CST);
    _exit(0);
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: %s mode(0 direct, 1 copy relay, 2 splice relay) seconds sessions\n", argv[0]);
        return 2;
    }
    int mode = atoi(argv[1]), sessions = atoi(argv[3]);
    double seconds = atof(argv[2]);
    volatile long *total = mmap(NULL, sizeof(long), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    setpgid(0, 0);
    double start = now();
    for (int i = 0; i < sessions; i++) {
        if (fork() == 0) {
            session(mode, seconds, total);
        }
    }
    for (int i = 0; i < sessions; i++) {
        wait(NULL); /* the sinks end first; sources and relays are stopped below */
    }
    double elapsed = now() - start;
    signal(SIGTERM, SIG_IGN);
    kill(0, SIGTERM);
    printf("mode %d (%s), %d session(s): %.0f MB/s\n", mode, mode == 0 ? "direct" : mode == 1 ? "copy relay"
           : "splice relay", sessions, *total / elapsed / 1e6);
    return 0;
}
