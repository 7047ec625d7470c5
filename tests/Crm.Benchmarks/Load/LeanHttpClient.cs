using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;

namespace Crm.Benchmarks.Load;

/// <summary>
/// The measured requests' client: HTTP/1.1 over kept-alive loopback connections, one request at a time on each, the
/// request written in one piece and the response read into the connection's own buffer.
/// </summary>
/// <remarks>
/// The load generator shares the API's two cores, so what it spends per request is taken from the API. It reads only what
/// a closed-loop benchmark needs: the status, the ETag, and the end of the body (a request is not answered until its last
/// byte arrives); the body is decoded only for a failure. HttpClient spent 0.035 ms of CPU per get (0.30 of a core at
/// 9,000 gets a second), this one 0.028–0.034 ms; most of what is left is the kernel's loopback send, which any client
/// pays (docs/performance.md, "Twentieth round"). <c>--client httpclient</c> measures with HttpClient instead.
/// </remarks>
internal sealed class LeanHttpClient(Uri address) : IDisposable
{
    private readonly ConcurrentBag<Connection> idle = [];
    private readonly string host = address.Authority;

    public async Task<LeanResponse> SendAsync(string method, string path, IEnumerable<KeyValuePair<string, string>> headers, byte[]? jsonBody)
    {
        var head = new StringBuilder(256).Append(method).Append(' ').Append('/').Append(path.TrimStart('/')).Append(" HTTP/1.1\r\nHost: ").Append(host).Append("\r\n");
        foreach (var (name, value) in headers) head.Append(name).Append(": ").Append(value).Append("\r\n");
        if (jsonBody is not null) head.Append("Content-Type: application/json; charset=utf-8\r\n");
        if (jsonBody is not null || method is "POST" or "PUT" or "PATCH") head.Append("Content-Length: ").Append(jsonBody?.Length ?? 0).Append("\r\n");
        head.Append("\r\n");

        if (!idle.TryTake(out var connection)) connection = await Connection.OpenAsync(address);
        try
        {
            var response = await connection.ExchangeAsync(head.ToString(), jsonBody);
            if (response.KeepAlive) idle.Add(connection);
            else connection.Dispose();
            return response;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        while (idle.TryTake(out var connection)) connection.Dispose();
    }

    private sealed class Connection : IDisposable
    {
        private readonly Socket socket;
        private readonly NetworkStream stream;
        private byte[] request = new byte[1024];
        private byte[] buffer = new byte[32 * 1024];

        private Connection(Socket socket)
        {
            this.socket = socket;
            stream = new NetworkStream(socket, ownsSocket: true);
        }

        public static async Task<Connection> OpenAsync(Uri address)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(address.Host, address.Port);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                throw new HttpRequestException($"connecting to {address}: {e.Message}", e);
            }
            return new Connection(socket);
        }

        public async Task<LeanResponse> ExchangeAsync(string head, byte[]? body)
        {
            var length = Encoding.UTF8.GetByteCount(head) + (body?.Length ?? 0);
            if (request.Length < length) request = new byte[Math.Max(length, request.Length * 2)];
            var written = Encoding.UTF8.GetBytes(head, request);
            body?.CopyTo(request, written);
            await stream.WriteAsync(request.AsMemory(0, length));

            var received = 0;
            var parser = new ResponseParser();
            while (!parser.Complete(buffer, received))
            {
                if (received == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
                var read = await stream.ReadAsync(buffer.AsMemory(received));
                if (read == 0) throw new HttpRequestException("the API closed the connection before the response ended");
                received += read;
            }
            return parser.Response(buffer);
        }

        public void Dispose() => stream.Dispose();
    }

    /// <summary>Finds where a response's head and body end in the bytes received so far, without copying them.</summary>
    private struct ResponseParser
    {
        private int headEnd;
        private int status;
        private long contentLength;
        private bool chunked;
        private bool close;
        private (int Start, int Length) etag;
        // Chunked bodies: where the next chunk's size line starts, and the chunks' data found so far.
        private int nextChunk;
        private List<(int Start, int Length)>? chunks;

        public bool Complete(byte[] data, int received)
        {
            if (headEnd == 0 && !ReadHead(data, received)) return false;
            if (!chunked) return received >= headEnd + contentLength;
            while (true)
            {
                var span = data.AsSpan(nextChunk, received - nextChunk);
                var lineEnd = span.IndexOf("\r\n"u8);
                if (lineEnd < 0) return false;
                var sizeText = span[..lineEnd];
                var extension = sizeText.IndexOf((byte)';');
                if (extension >= 0) sizeText = sizeText[..extension];
                if (!Utf8Parser.TryParse(sizeText, out int size, out _, 'x'))
                    throw new HttpRequestException("a malformed chunk size in the response");
                var dataStart = nextChunk + lineEnd + 2;
                if (size == 0)
                {
                    // No trailers are sent: the body ends with the blank line after the last chunk.
                    return received >= dataStart + 2;
                }
                if (received < dataStart + size + 2) return false;
                (chunks ??= []).Add((dataStart, size));
                nextChunk = dataStart + size + 2;
            }
        }

        private bool ReadHead(byte[] data, int received)
        {
            var end = data.AsSpan(0, received).IndexOf("\r\n\r\n"u8);
            if (end < 0) return false;
            headEnd = end + 4;
            var head = data.AsSpan(0, end);
            if (head.Length < 12 || !Utf8Parser.TryParse(head.Slice(9, 3), out status, out _))
                throw new HttpRequestException("a malformed status line in the response");
            var offset = head.IndexOf("\r\n"u8) + 2;
            while (offset < head.Length)
            {
                var line = head[offset..];
                var lineEnd = line.IndexOf("\r\n"u8);
                if (lineEnd >= 0) line = line[..lineEnd];
                var colon = line.IndexOf((byte)':');
                if (colon > 0)
                {
                    var name = line[..colon];
                    var rest = line[(colon + 1)..];
                    var value = rest.Trim((byte)' ');
                    var valueStart = offset + colon + 1 + (rest.Length - rest.TrimStart((byte)' ').Length);
                    if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8) && !Utf8Parser.TryParse(value, out contentLength, out _))
                        throw new HttpRequestException("a malformed Content-Length in the response");
                    else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8)) chunked = Ascii.EqualsIgnoreCase(value, "chunked"u8);
                    else if (Ascii.EqualsIgnoreCase(name, "Connection"u8)) close = Ascii.EqualsIgnoreCase(value, "close"u8);
                    else if (Ascii.EqualsIgnoreCase(name, "ETag"u8)) etag = (valueStart, value.Length);
                }
                if (lineEnd < 0) break;
                offset += lineEnd + 2;
            }
            nextChunk = headEnd;
            return true;
        }

        public readonly LeanResponse Response(byte[] data) =>
            new(status, !close, etag.Length == 0 ? null : Encoding.ASCII.GetString(data, etag.Start, etag.Length),
                status is >= 200 and < 300 ? null : Body(data));

        private readonly string Body(byte[] data)
        {
            if (!chunked) return Encoding.UTF8.GetString(data, headEnd, (int)contentLength);
            var text = new StringBuilder();
            foreach (var (start, length) in chunks ?? []) text.Append(Encoding.UTF8.GetString(data, start, length));
            return text.ToString();
        }
    }
}

/// <summary>What a measured request needs of its response: the status, the ETag, and the body of a failure.</summary>
internal sealed record LeanResponse(int Status, bool KeepAlive, string? ETag, string? FailureBody);
