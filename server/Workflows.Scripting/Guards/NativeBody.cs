using Jint.Native;

namespace Workflows.Scripting.Guards;

/// <summary>The shape of a built-in function: this value and arguments in, value out.</summary>
internal delegate JsValue NativeBody(JsValue thisObject, JsValue[] arguments);
