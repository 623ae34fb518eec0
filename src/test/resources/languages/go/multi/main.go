package main

import (
	"fmt"

	"main/greet"
)

func main() {
	fmt.Println(greet.Hello("multi"))
	fmt.Println(twice(21))
}
