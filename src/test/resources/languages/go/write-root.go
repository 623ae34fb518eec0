package main

import (
	"fmt"
	"os"
)

func main() {
	if err := os.WriteFile("/etc/x", []byte("x"), 0o644); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("written")
}
