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
