// Lists the interfaces the sandbox has, then proves loopback works with a TCP echo inside the program.
// It never sends a packet to any other address.
const fs = require('fs');
const net = require('net');
// /proc/net/dev lists every interface, with or without an address (gVisor has no /sys/class/net)
const interfaces = fs.readFileSync('/proc/net/dev', 'utf8').split('\n').slice(2)
  .filter(line => line.includes(':')).map(line => line.split(':')[0].trim());
console.log('interfaces:', interfaces.sort().join(','));
const routes = fs.readFileSync('/proc/net/route', 'utf8').trim().split('\n').length - 1;
console.log('routes:', routes);
const server = net.createServer(socket => socket.pipe(socket)).listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1', () => client.end('ping over loopback'));
  client.on('data', data => { console.log('echo:', data.toString()); server.close(); });
});
