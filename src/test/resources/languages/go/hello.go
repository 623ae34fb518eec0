package main

import (
	"fmt"
	"runtime"
	"strings"
)

func main() {
	fmt.Println("Hello, World!")
	fmt.Println(strings.TrimPrefix(runtime.Version(), "go"))
}
