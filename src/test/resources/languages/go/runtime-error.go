package main

import "fmt"

func main() {
	var values []int
	index := 3
	fmt.Println(values[index])
}
