package main

import "fmt"

func main() {
	var blocks [][]byte
	for {
		block := make([]byte, 8<<20)
		for i := range block {
			block[i] = 1
		}
		blocks = append(blocks, block)
		fmt.Println(len(blocks)*8, "MB")
	}
}
