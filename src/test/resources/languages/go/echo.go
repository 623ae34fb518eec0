package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	if _, err := io.Copy(os.Stdout, os.Stdin); err != nil {
		panic(err)
	}
	for _, arg := range os.Args[1:] {
		fmt.Println(arg)
	}
}
