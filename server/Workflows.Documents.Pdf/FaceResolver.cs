using System.Collections.Concurrent;
using PdfSharp.Fonts;
using Workflows.Documents.Fonts;

namespace Workflows.Documents.Pdf;

/// <summary>
/// Gives PDFsharp our faces: the family name PDFsharp asks for is a face's <see cref="TrueTypeFace.Key"/>,
/// the bytes are the face's standalone TrueType data (a .ttc face already extracted). Chinese fonts
/// have no bold face, so bold is simulated.
/// </summary>
internal sealed class FaceResolver : IFontResolver
{
    public static readonly FaceResolver Instance = new();

    private readonly ConcurrentDictionary<string, byte[]> _faces = new(StringComparer.Ordinal);

    public void Register(TrueTypeFace face) => _faces.TryAdd(face.Key, face.Data);

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        _faces.ContainsKey(familyName) ? new FontResolverInfo(familyName, bold, italic) : null;

    public byte[]? GetFont(string faceName) => _faces.GetValueOrDefault(faceName);
}
