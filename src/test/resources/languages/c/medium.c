/* A ~200-line C program (compile-time measurement): a tokenizer and expression evaluator,
 * a sieve, a hash table of word counts and a sort. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { T_NUM, T_OP, T_LPAREN, T_RPAREN, T_END } TokenType;

typedef struct {
    TokenType type;
    double value;
    char op;
} Token;

typedef struct {
    const char *text;
    size_t pos;
    Token current;
} Lexer;

static void next_token(Lexer *lx) {
    while (isspace((unsigned char) lx->text[lx->pos])) lx->pos++;
    char c = lx->text[lx->pos];
    if (c == '\0') {
        lx->current.type = T_END;
    } else if (isdigit((unsigned char) c) || c == '.') {
        char *end;
        lx->current.type = T_NUM;
        lx->current.value = strtod(lx->text + lx->pos, &end);
        lx->pos = (size_t) (end - lx->text);
    } else if (c == '(') {
        lx->current.type = T_LPAREN;
        lx->pos++;
    } else if (c == ')') {
        lx->current.type = T_RPAREN;
        lx->pos++;
    } else {
        lx->current.type = T_OP;
        lx->current.op = c;
        lx->pos++;
    }
}

static double parse_expr(Lexer *lx);

static double parse_factor(Lexer *lx) {
    Token t = lx->current;
    if (t.type == T_NUM) {
        next_token(lx);
        return t.value;
    }
    if (t.type == T_LPAREN) {
        next_token(lx);
        double v = parse_expr(lx);
        if (lx->current.type == T_RPAREN) next_token(lx);
        return v;
    }
    if (t.type == T_OP && t.op == '-') {
        next_token(lx);
        return -parse_factor(lx);
    }
    fprintf(stderr, "unexpected token at %zu\n", lx->pos);
    exit(1);
}

static double parse_power(Lexer *lx) {
    double base = parse_factor(lx);
    if (lx->current.type == T_OP && lx->current.op == '^') {
        next_token(lx);
        return pow(base, parse_power(lx));
    }
    return base;
}

static double parse_term(Lexer *lx) {
    double v = parse_power(lx);
    while (lx->current.type == T_OP && (lx->current.op == '*' || lx->current.op == '/')) {
        char op = lx->current.op;
        next_token(lx);
        double r = parse_power(lx);
        v = op == '*' ? v * r : v / r;
    }
    return v;
}

static double parse_expr(Lexer *lx) {
    double v = parse_term(lx);
    while (lx->current.type == T_OP && (lx->current.op == '+' || lx->current.op == '-')) {
        char op = lx->current.op;
        next_token(lx);
        double r = parse_term(lx);
        v = op == '+' ? v + r : v - r;
    }
    return v;
}

static double evaluate(const char *text) {
    Lexer lx = {text, 0, {T_END, 0, 0}};
    next_token(&lx);
    return parse_expr(&lx);
}

#define BUCKETS 64

typedef struct Entry {
    char *word;
    int count;
    struct Entry *next;
} Entry;

static unsigned hash(const char *s) {
    unsigned h = 5381;
    while (*s) h = h * 33 + (unsigned char) *s++;
    return h % BUCKETS;
}

static void count_word(Entry **table, const char *word) {
    unsigned h = hash(word);
    for (Entry *e = table[h]; e; e = e->next) {
        if (strcmp(e->word, word) == 0) {
            e->count++;
            return;
        }
    }
    Entry *e = malloc(sizeof *e);
    e->word = strdup(word);
    e->count = 1;
    e->next = table[h];
    table[h] = e;
}

static int by_count(const void *a, const void *b) {
    const Entry *x = *(const Entry *const *) a, *y = *(const Entry *const *) b;
    if (x->count != y->count) return y->count - x->count;
    return strcmp(x->word, y->word);
}

static int sieve(int limit, int *out) {
    char *composite = calloc((size_t) limit + 1, 1);
    int n = 0;
    for (int i = 2; i <= limit; i++) {
        if (composite[i]) continue;
        out[n++] = i;
        for (long j = (long) i * i; j <= limit; j += i) composite[j] = 1;
    }
    free(composite);
    return n;
}

int main(void) {
    const char *sources[] = {"1 + 2 * 3", "(1 + 2) * 3", "2 ^ 10 - 24", "-(4 - 6) * 2.5", "10 / 4"};
    for (size_t i = 0; i < sizeof sources / sizeof *sources; i++)
        printf("%s = %g\n", sources[i], evaluate(sources[i]));

    int primes[200];
    int n = sieve(1000, primes);
    long sum = 0;
    for (int i = 0; i < n && i < 200; i++) sum += primes[i];
    printf("primes below 1000: %d, sum of the first 168: %ld\n", n, sum);

    char text[] = "the quick brown fox jumps over the lazy dog and the dog sleeps while the fox runs";
    Entry *table[BUCKETS] = {0};
    for (char *w = strtok(text, " "); w; w = strtok(NULL, " ")) count_word(table, w);
    Entry *all[64];
    int words = 0;
    for (int b = 0; b < BUCKETS; b++)
        for (Entry *e = table[b]; e; e = e->next) all[words++] = e;
    qsort(all, (size_t) words, sizeof *all, by_count);
    for (int i = 0; i < 3 && i < words; i++) printf("%s: %d\n", all[i]->word, all[i]->count);
    for (int b = 0; b < BUCKETS; b++) {
        Entry *e = table[b];
        while (e) {
            Entry *next = e->next;
            free(e->word);
            free(e);
            e = next;
        }
    }
    return 0;
}
