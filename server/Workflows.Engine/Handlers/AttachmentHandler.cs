using Workflows.Engine.Commands;
using Workflows.Engine.Errors;
using Workflows.Engine.Events;
using Workflows.Engine.Execution;

namespace Workflows.Engine.Handlers;

/// <summary>Files kept with a case (scans of materials, photos); the server stores the bytes first.</summary>
internal static class AttachmentHandler
{
    /// <summary>A file for the case: while it is open, tied to a material of its checklist or to none.</summary>
    public static void Attach(CaseTransaction tx, AttachFile command)
    {
        Guard.NotClosed(tx, "上传附件");
        Guard.Text(command.FileName, "文件名");
        Guard.Text(command.ContentType, "文件类型");
        if (command.Size <= 0) throw Fail.Invalid("文件为空 (empty file)");
        if (command.Sha256.Length != 64 || !command.Sha256.All(Uri.IsHexDigit)) throw Fail.Invalid("文件摘要应为 64 位十六进制 SHA-256");
        if (command.MaterialId is { } materialId && tx.Item.Materials.All(m => m.Id != materialId)) throw Fail.UnknownMaterial(materialId);
        tx.Emit(new FileAttached(command.MaterialId, command.FileName, command.ContentType, command.Size, command.Sha256.ToLowerInvariant(), command.By.UserId));
    }
}
