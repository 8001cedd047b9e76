using System.Linq;
using ModelLedger.Ledger;

namespace ModelLedger.Core.Tests;

public class CsvRecordReaderTests
{
    [Fact]
    public void ParsesQuotesEmbeddedNewlinesAndBothLineEndings()
    {
        var r = new CsvRecordReader("a,\"b,\"\"c\"\"\",\"d\r\ne\"\r\n x , ,\n");
        var first = r.Next()!;
        Assert.Equal(new[] { "a", "b,\"c\"", "d\r\ne" }, first.Select(f => f.Value));
        Assert.Equal(1, r.RecordLine);
        var second = r.Next()!;
        Assert.Equal(new[] { " x ", " ", "" }, second.Select(f => f.Value));
        Assert.Equal(3, r.RecordLine);
        Assert.Null(r.Next());
    }

    [Fact]
    public void FieldLinesFollowEmbeddedNewlines()
    {
        var r = new CsvRecordReader("\"one\ntwo\",three\n");
        var fields = r.Next()!;
        Assert.Equal(1, fields[0].Line);
        Assert.Equal(2, fields[1].Line);
    }

    [Theory]
    [InlineData("a,\"b\"c\n", 1)]
    [InlineData("a,b\"c\n", 1)]
    [InlineData("a\n\"open\n", 2)]
    public void MalformedQuotesThrowWithTheLine(string text, int line)
    {
        var r = new CsvRecordReader(text);
        var ex = Assert.Throws<CsvSyntaxException>(() => { while (r.Next() != null) { } });
        Assert.Equal(line, ex.Line);
    }
}
