const net = require('net');

const socket = net.connect({ host: '127.0.0.1', port: 9, timeout: 3000 });
socket.on('connect', () => { console.log('connected'); socket.destroy(); });
socket.on('error', (e) => console.log('127.0.0.1:9: ' + e.message));
socket.on('timeout', () => { console.log('timeout'); socket.destroy(); });
