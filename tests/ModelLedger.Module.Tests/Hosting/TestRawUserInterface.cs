using System;
using System.Management.Automation.Host;

namespace ModelLedger.Module.Tests.Hosting;

/// <summary>A fixed-width screen: format views need a width to lay tables out; nothing here reads keys.</summary>
internal sealed class TestRawUserInterface : PSHostRawUserInterface
{
    private Size _size;

    public TestRawUserInterface(int width) => _size = new Size(width, 50);

    public override ConsoleColor BackgroundColor { get; set; } = ConsoleColor.Black;
    public override ConsoleColor ForegroundColor { get; set; } = ConsoleColor.Gray;
    public override Coordinates CursorPosition { get; set; }
    public override int CursorSize { get; set; } = 25;
    public override string WindowTitle { get; set; } = "ModelLedger";
    public override Coordinates WindowPosition { get; set; }

    public override Size BufferSize { get => new(_size.Width, 9999); set => _size = new Size(value.Width, _size.Height); }
    public override Size WindowSize { get => _size; set => _size = value; }
    public override Size MaxWindowSize => _size;
    public override Size MaxPhysicalWindowSize => _size;
    public override bool KeyAvailable => false;

    public override KeyInfo ReadKey(ReadKeyOptions options) => throw new NotSupportedException("The test host does not read keys.");
    public override void FlushInputBuffer() { }
    public override BufferCell[,] GetBufferContents(Rectangle rectangle) => throw new NotSupportedException();
    public override void SetBufferContents(Coordinates origin, BufferCell[,] contents) { }
    public override void SetBufferContents(Rectangle rectangle, BufferCell fill) { }
    public override void ScrollBufferContents(Rectangle source, Coordinates destination, Rectangle clip, BufferCell fill) { }
}
