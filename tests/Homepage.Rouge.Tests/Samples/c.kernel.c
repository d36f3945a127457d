#include <stdio.h>
#include "kernel.h" // local header
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#if 0
this is disabled
#endif

/* multi-line
   comment */
static const double EPS = 1e-9;
typedef struct { int x; float y; } point_t;

int dot(const int *a, const int *b, size_t n)
{
    int sum = 0;
    for (size_t i = 0; i < n; ++i) {
        sum += a[i] * b[i];
    }
    return sum;
}

int main(int argc, char **argv) {
    char c = '\n', d = 'x';
    unsigned long big = 0xFFul + 0755 + 42L;
    const char *msg = "hello\t\"world\"\n";
    point_t p = { .x = 1, .y = 2.5f };
    switch (argc) {
    case 1: puts(msg); break;
    default: printf("%d\n", MAX(p.x, dot(NULL, NULL, 0)));
    }
retry:
    if (argc > 2) goto retry;
    return 0;
}

/* ---- a small ring buffer and a convolution kernel ---- */
#ifndef RING_CAPACITY
#  define RING_CAPACITY 64u
#elif RING_CAPACITY < 8
#  error "RING_CAPACITY too small"
#endif
#define STR(x) #x
#define CAT(a, b) a ## b
#define LOG(fmt, ...) fprintf(stderr, "[%s:%d] " fmt "\n", __FILE__, __LINE__, __VA_ARGS__)

#include <stdint.h>
#include <stdbool.h>
#include <string.h>
#include <stdlib.h>

enum state { IDLE = 0, RUNNING = 1 << 0, DONE = 1 << 1 };

struct ring {
    uint8_t data[RING_CAPACITY];
    volatile size_t head, tail;
    enum state state;
    union { uint32_t word; uint8_t bytes[4]; } tag;
};

static inline bool ring_empty(const struct ring *r) { return r->head == r->tail; }

static bool ring_push(struct ring *restrict r, uint8_t byte)
{
    size_t next = (r->head + 1) % RING_CAPACITY;
    if (next == r->tail)
        return false; /* full */
    r->data[r->head] = byte;
    r->head = next;
    return true;
}

int ring_pop(struct ring *r)
{
    if (ring_empty(r)) return -1;
    int byte = r->data[r->tail];
    r->tail = (r->tail + 1) % RING_CAPACITY;
    return byte;
}

void convolve(const float *restrict in, float *restrict out, size_t n,
              const float kernel[static 3])
{
    for (size_t i = 1; i + 1 < n; i++) {
        out[i] = kernel[0] * in[i - 1] + kernel[1] * in[i] + kernel[2] * in[i + 1];
    }
    out[0] = out[n - 1] = 0.0f;
}

static int compare(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

long long checksum(const char *s)
{
    unsigned long long h = 14695981039346656037ULL;
    while (*s) {
        h ^= (unsigned char)*s++;
        h *= 1099511628211ULL;
    }
    return (long long)(h >> 1);
}

int demo(void)
{
    struct ring r = {0};
    double values[] = { 3.0, -1.5e3, .5, 0x1p-3, 2.f };
    char buffer[32] = "", wide[] = "caf\xc3\xa9", octal = '\101';
    const char *names[] = { "alpha", "beta", NULL };
    qsort(values, sizeof values / sizeof *values, sizeof *values, compare);
    snprintf(buffer, sizeof buffer, "%s=%0*.*f%%", names[0], 8, 2, values[0]);
    for (int i = 0; i < 10 && ring_push(&r, (uint8_t)i); i++) { }
    do { LOG("popped %d", ring_pop(&r)); } while (!ring_empty(&r));
    if (sizeof(long) == 8 && !(r.state & DONE)) r.state |= RUNNING;
    else r.state ^= DONE;
    return (int)checksum(STR(demo)) ? EXIT_SUCCESS : EXIT_FAILURE;
}
