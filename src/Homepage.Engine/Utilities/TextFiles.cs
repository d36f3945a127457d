using System.Text;

namespace Homepage.Engine.Utilities;

/// <summary>Reads source files as Jekyll does (<c>bom|utf-8</c>: a UTF-8 byte-order mark is dropped).</summary>
public static class TextFiles
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>A source file's text. Bytes that are not UTF-8 fail the build naming the file, as they fail Jekyll's
    /// (Ruby raises "invalid byte sequence in UTF-8" as soon as a regex or Liquid reads the string).</summary>
    public static string Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        try
        {
            return StrictUtf8.GetString(WithoutBom(bytes));
        }
        catch (DecoderFallbackException)
        {
            throw new BuildException($"Error reading file {path}: invalid byte sequence in UTF-8", path);
        }
    }

    public static string Decode(ReadOnlySpan<byte> bytes) => Utf8.GetString(WithoutBom(bytes));

    private static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? bytes[3..] : bytes;

    /// <summary>Jekyll's <c>Utils.has_yaml_header?</c>: the first line is <c>---</c> followed only by whitespace.</summary>
    public static bool HasYamlHeader(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> buffer = stackalloc byte[512];
        var read = stream.Read(buffer);
        var span = buffer[..read];
        if (span.Length < 4 || span[0] != '-' || span[1] != '-' || span[2] != '-') return false;
        // \A---\s*\r?\n on the first line (readline stops at \n)
        for (var i = 3; i < span.Length; i++)
        {
            var c = span[i];
            if (c == '\n') return true;
            if (c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\f' or (byte)'\v') continue;
            return false;
        }
        return false;
    }

    public static void WriteAtomic(string path, string content) => File.WriteAllText(path, content, Utf8);
}
