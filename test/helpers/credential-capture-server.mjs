// A fake database server for tests, run in a child process (the test process is blocked while
// the bundle runs). It speaks just enough of the PostgreSQL or MySQL wire protocol to make a
// client send its credentials: PostgreSQL asks for a cleartext password (so the password
// itself arrives), MySQL sends a mysql_native_password handshake with a known scramble and
// records the auth response. Every connection is then refused. The parent asks over IPC for
// what was received.
import * as net from 'node:net';

const protocol = process.argv[2];
const SCRAMBLE = Buffer.from('0123456789abcdefghij', 'latin1'); // 20 bytes, known to the test
const received = [];

function int32(n) {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
}

function pgMessage(type, body) {
  return Buffer.concat([Buffer.from(type, 'latin1'), int32(body.length + 4), body]);
}

function servePg(socket, record) {
  let buf = Buffer.alloc(0);
  let started = false;
  socket.on('data', (chunk) => {
    buf = Buffer.concat([buf, chunk]);
    record.raw = Buffer.concat([Buffer.from(record.raw, 'base64'), chunk]).toString('base64');
    for (;;) {
      if (!started) {
        if (buf.length < 8) return;
        const len = buf.readInt32BE(0);
        if (buf.length < len) return;
        const code = buf.readInt32BE(4);
        const body = buf.subarray(8, len);
        buf = buf.subarray(len);
        if (code === 80877103) {
          socket.write('N'); // no TLS here
          continue;
        }
        const parts = body.toString('utf8').split('\0');
        for (let i = 0; i + 1 < parts.length; i += 2) if (parts[i]) record.params[parts[i]] = parts[i + 1];
        started = true;
        socket.write(pgMessage('R', int32(3))); // AuthenticationCleartextPassword
        continue;
      }
      if (buf.length < 5) return;
      const len = buf.readInt32BE(1);
      if (buf.length < len + 1) return;
      const type = String.fromCharCode(buf[0]);
      const body = buf.subarray(5, len + 1);
      buf = buf.subarray(len + 1);
      if (type === 'p') {
        record.password = body.toString('utf8').replace(/\0$/, '');
        const fields = Buffer.from('SFATAL\0C28P01\0Mpassword authentication failed (capture server)\0\0', 'utf8');
        socket.end(pgMessage('E', fields));
        return;
      }
    }
  });
}

function mysqlPacket(seq, body) {
  const head = Buffer.alloc(4);
  head.writeUIntLE(body.length, 0, 3);
  head[3] = seq;
  return Buffer.concat([head, body]);
}

function serveMysql(socket, record) {
  const lower = 0x0001 | 0x0004 | 0x0008 | 0x0200 | 0x2000 | 0x8000;
  const upper = (0x80000 | 0x20000) >> 16;
  const cap = Buffer.alloc(2);
  const capUpper = Buffer.alloc(2);
  cap.writeUInt16LE(lower);
  capUpper.writeUInt16LE(upper);
  const connId = Buffer.alloc(4);
  connId.writeUInt32LE(7);
  const handshake = Buffer.concat([
    Buffer.from([10]),
    Buffer.from('5.7.44-capture\0', 'latin1'),
    connId,
    SCRAMBLE.subarray(0, 8),
    Buffer.from([0]),
    cap,
    Buffer.from([0x21, 0x02, 0x00]),
    capUpper,
    Buffer.from([21]),
    Buffer.alloc(10),
    SCRAMBLE.subarray(8),
    Buffer.from([0]),
    Buffer.from('mysql_native_password\0', 'latin1'),
  ]);
  socket.write(mysqlPacket(0, handshake));
  let buf = Buffer.alloc(0);
  socket.on('data', (chunk) => {
    buf = Buffer.concat([buf, chunk]);
    record.raw = Buffer.concat([Buffer.from(record.raw, 'base64'), chunk]).toString('base64');
    if (buf.length < 4) return;
    const len = buf.readUIntLE(0, 3);
    if (buf.length < len + 4) return;
    const body = buf.subarray(4, 4 + len);
    let pos = 4 + 4 + 1 + 23;
    const userEnd = body.indexOf(0, pos);
    record.params.user = body.subarray(pos, userEnd).toString('utf8');
    pos = userEnd + 1;
    const authLen = body[pos];
    record.authResponse = body.subarray(pos + 1, pos + 1 + authLen).toString('hex');
    const err = Buffer.concat([
      Buffer.from([0xff, 0x15, 0x04]),
      Buffer.from('#28000Access denied (capture server)', 'latin1'),
    ]);
    socket.end(mysqlPacket(2, err));
  });
}

const server = net.createServer((socket) => {
  const record = { at: Date.now(), params: {}, raw: '' };
  received.push(record);
  socket.on('error', () => {});
  if (protocol === 'mysql') serveMysql(socket, record);
  else servePg(socket, record);
});

server.listen(0, '127.0.0.1', () => {
  process.send({ type: 'ready', port: server.address().port, scramble: SCRAMBLE.toString('hex') });
});

process.on('message', (msg) => {
  if (msg && msg.type === 'received') process.send({ type: 'received', received });
});
process.on('disconnect', () => process.exit(0));
