using System.Threading.Channels;

namespace Homepage.Server;

/// <summary>The connected browsers, each listening on a server-sent event stream.</summary>
public sealed class LiveReloadHub
{
    private readonly object _gate = new();
    private readonly List<Channel<(string Event, string Data)>> _clients = new();

    public int ClientCount
    {
        get
        {
            lock (_gate) return _clients.Count;
        }
    }

    public ChannelReader<(string Event, string Data)> Subscribe(out Action unsubscribe)
    {
        var channel = Channel.CreateUnbounded<(string, string)>();
        lock (_gate) _clients.Add(channel);
        unsubscribe = () =>
        {
            lock (_gate) _clients.Remove(channel);
            channel.Writer.TryComplete();
        };
        return channel.Reader;
    }

    public void Publish(string eventName, string data = "")
    {
        lock (_gate)
            foreach (var client in _clients)
                client.Writer.TryWrite((eventName, data));
    }
}
