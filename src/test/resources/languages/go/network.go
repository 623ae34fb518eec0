package main

import (
	"fmt"
	"net"
	"time"
)

func main() {
	conn, err := net.DialTimeout("tcp", "127.0.0.1:9", 3*time.Second)
	if err != nil {
		fmt.Println(err)
		return
	}
	conn.Close()
	fmt.Println("connected")
}
