// A ~200-line Go program (compile-time measurement): parser, interfaces, generics, maps, sorting,
// goroutines and channels, strings.Builder, fmt.
package main

import (
	"errors"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

type Expr interface {
	Eval(env map[string]float64) (float64, error)
	String() string
}

type Num float64
type Var string
type Bin struct {
	Op          byte
	Left, Right Expr
}

func (n Num) Eval(map[string]float64) (float64, error) { return float64(n), nil }
func (n Num) String() string                           { return strconv.FormatFloat(float64(n), 'g', -1, 64) }

func (v Var) Eval(env map[string]float64) (float64, error) {
	if x, ok := env[string(v)]; ok {
		return x, nil
	}
	return 0, fmt.Errorf("unknown variable %q", string(v))
}
func (v Var) String() string { return string(v) }

func (b Bin) Eval(env map[string]float64) (float64, error) {
	l, err := b.Left.Eval(env)
	if err != nil {
		return 0, err
	}
	r, err := b.Right.Eval(env)
	if err != nil {
		return 0, err
	}
	switch b.Op {
	case '+':
		return l + r, nil
	case '-':
		return l - r, nil
	case '*':
		return l * r, nil
	case '/':
		if r == 0 {
			return 0, errors.New("division by zero")
		}
		return l / r, nil
	}
	return 0, fmt.Errorf("bad operator %c", b.Op)
}
func (b Bin) String() string { return fmt.Sprintf("(%v %c %v)", b.Left, b.Op, b.Right) }

type parser struct {
	text string
	pos  int
}

func (p *parser) skip() {
	for p.pos < len(p.text) && p.text[p.pos] == ' ' {
		p.pos++
	}
}

func (p *parser) peek() byte {
	p.skip()
	if p.pos < len(p.text) {
		return p.text[p.pos]
	}
	return 0
}

func (p *parser) expr() (Expr, error) {
	left, err := p.term()
	for err == nil && (p.peek() == '+' || p.peek() == '-') {
		op := p.text[p.pos]
		p.pos++
		var right Expr
		right, err = p.term()
		left = Bin{op, left, right}
	}
	return left, err
}

func (p *parser) term() (Expr, error) {
	left, err := p.factor()
	for err == nil && (p.peek() == '*' || p.peek() == '/') {
		op := p.text[p.pos]
		p.pos++
		var right Expr
		right, err = p.factor()
		left = Bin{op, left, right}
	}
	return left, err
}

func (p *parser) factor() (Expr, error) {
	c := p.peek()
	switch {
	case c == '(':
		p.pos++
		e, err := p.expr()
		if err == nil && p.peek() != ')' {
			err = errors.New("missing )")
		}
		p.pos++
		return e, err
	case unicode.IsDigit(rune(c)):
		start := p.pos
		for p.pos < len(p.text) && (unicode.IsDigit(rune(p.text[p.pos])) || p.text[p.pos] == '.') {
			p.pos++
		}
		f, err := strconv.ParseFloat(p.text[start:p.pos], 64)
		return Num(f), err
	case unicode.IsLetter(rune(c)):
		start := p.pos
		for p.pos < len(p.text) && unicode.IsLetter(rune(p.text[p.pos])) {
			p.pos++
		}
		return Var(p.text[start:p.pos]), nil
	}
	return nil, fmt.Errorf("unexpected %q at %d", c, p.pos)
}

type Number interface{ ~int | ~int64 | ~float64 }

func Sum[T Number](xs []T) T {
	var s T
	for _, x := range xs {
		s += x
	}
	return s
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func primes(limit int) []int {
	composite := make([]bool, limit+1)
	var out []int
	for i := 2; i <= limit; i++ {
		if !composite[i] {
			out = append(out, i)
			for j := i * i; j <= limit; j += i {
				composite[j] = true
			}
		}
	}
	return out
}

func main() {
	env := map[string]float64{"x": 3, "y": 4}
	for _, src := range []string{"1 + 2 * 3", "(x + y) * 2", "x * x + y * y", "10 / (x - 3)", "1 + * 2"} {
		p := &parser{text: src}
		e, err := p.expr()
		if err != nil {
			fmt.Println("parse error:", err)
			continue
		}
		v, err := e.Eval(env)
		if err != nil {
			fmt.Println(e, "error:", err)
			continue
		}
		fmt.Println(e, "=", v)
	}

	ps := primes(1000)
	fmt.Println("primes:", len(ps), "sum", Sum(ps), "sqrt of last", math.Sqrt(float64(ps[len(ps)-1])))
	fmt.Println("squares:", Map(ps[:5], func(p int) string { return strconv.Itoa(p * p) }))

	counts := map[string]int{}
	for _, w := range strings.Fields("the quick brown fox jumps over the lazy dog the dog sleeps") {
		counts[w]++
	}
	words := make([]string, 0, len(counts))
	for w := range counts {
		words = append(words, w)
	}
	sort.Slice(words, func(i, j int) bool {
		if counts[words[i]] != counts[words[j]] {
			return counts[words[i]] > counts[words[j]]
		}
		return words[i] < words[j]
	})
	var b strings.Builder
	for _, w := range words[:3] {
		fmt.Fprintf(&b, "%s=%d ", w, counts[w])
	}
	fmt.Println(strings.TrimSpace(b.String()))

	results := make(chan int, 4)
	var wg sync.WaitGroup
	for part := 0; part < 4; part++ {
		wg.Add(1)
		go func(part int) {
			defer wg.Done()
			results <- Sum(ps[part*len(ps)/4 : (part+1)*len(ps)/4])
		}(part)
	}
	wg.Wait()
	close(results)
	total := 0
	for r := range results {
		total += r
	}
	fmt.Fprintln(os.Stdout, "parallel sum:", total)
}
