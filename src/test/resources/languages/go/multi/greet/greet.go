// Package greet is imported as "main/greet": without a go.mod of the job's own, the compile
// command makes the job's folder module "main".
package greet

func Hello(name string) string { return "Hello from " + name }
