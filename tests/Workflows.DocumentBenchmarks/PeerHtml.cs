using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using QRCoder;

namespace Workflows.DocumentBenchmarks;

/// <summary>
/// The 受理通知书 of the sample case as one HTML page with print CSS: the same text, A4 with the
/// GB/T 9704 margins, the same fonts, the seal as a data URI over the date and the QR code as SVG,
/// which is how people usually make such a notice with a browser.
/// </summary>
public static class PeerHtml
{
    /// <summary>The running header, for Chromium's headerTemplate (the page number is its footerTemplate).</summary>
    public static string Header(JsonObject d) => "办件编号：" + WebUtility.HtmlEncode(d["case"]!["number"]!.ToString());

    public static string AcceptanceNotice(JsonObject d, string sealPath)
    {
        string S(string path)
        {
            JsonNode? node = d;
            foreach (var part in path.Split('.')) node = node?[part];
            return WebUtility.HtmlEncode(node?.ToString() ?? "");
        }
        static string Date(string iso) => $"{int.Parse(iso[..4])}年{int.Parse(iso[5..7])}月{int.Parse(iso[8..10])}日";
        var seal = Convert.ToBase64String(File.ReadAllBytes(sealPath));
        var applicantCode = d["applicant"]!["uscc"] is null ? $"身份证件号码：{S("applicant.idNumber")}" : $"统一社会信用代码：{S("applicant.uscc")}";
        var html = new StringBuilder();
        html.Append($$"""
            <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>受理通知书</title><style>
            @page { size: A4; margin: 37mm 26mm 35mm 28mm; }
            body { margin: 0; font-family: "AR PL SungtiL GB", "WenQuanYi Zen Hei", serif; font-size: 15.75pt; line-height: 28.9pt; text-align: justify; }
            h1 { font-size: 22pt; text-align: center; margin: 0 0 14pt; line-height: 31pt; }
            p { margin: 0; } .i { text-indent: 2em; } .r { text-align: right; }
            .sign { position: relative; height: 112pt; }
            .sign .name { position: absolute; right: 4em; top: 28.9pt; white-space: nowrap; }
            .sign .date { position: absolute; right: 4em; top: 57.8pt; }
            .sign img { position: absolute; right: 7em; top: 0; width: 40mm; }
            .sign .qr { position: absolute; left: 0; top: 0; width: 22mm; font-size: 9pt; line-height: 11pt; }
            </style></head><body>
            <h1>受理通知书</h1>
            <p class="r">{{S("office.shortName")}}政受〔{{S("case.year")}}〕{{S("case.seq")}}号</p>
            <p>{{S("applicant.name")}}：</p>
            <p class="i">你（单位）于{{Date(S("case.receivedAt"))}}提交的<b>{{S("item.name")}}</b>申请，申请材料齐全、符合法定形式，本中心决定予以受理。</p>
            <p class="i">办件编号：{{S("case.number")}}</p>
            <p class="i">申请人：{{S("applicant.name")}}（{{applicantCode}}）</p>
            <p class="i">申请事项：{{S("item.name")}}</p>
            <p class="i">承办部门：{{S("department.name")}}</p>
            <p class="i">受理日期：{{Date(S("case.acceptedAt"))}}</p>
            <p class="i">承诺办结时限：<b>{{S("case.promisedLimit")}}个工作日</b>（法定时限{{S("item.statutoryLimit")}}个工作日），预计于{{Date(S("case.dueAt"))}}前办结。</p>
            <p class="i">依法需要听证、检验、检测、鉴定、专家评审等特别程序的，所需时间不计入上述时限，届时另行书面告知。</p>
            <div class="sign"><div class="qr">{{QrSvg(d["verifyUrl"]!.ToString())}}扫码查询办理进度、核验本通知书</div>
            <span class="name">{{S("office.name")}}</span><span class="date">{{Date(S("issuedAt"))}}</span>
            <img src="data:image/png;base64,{{seal}}" alt=""></div>
            <p class="i">（受理人：{{S("clerk.name")}}　联系电话：{{S("clerk.phone")}}）</p>
            <p class="i">（{{S("window.name")}}　监督投诉电话：{{S("office.complaintPhone")}}）</p>
            </body></html>
            """);
        return html.ToString();
    }

    private static string QrSvg(string value)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(value, QRCodeGenerator.ECCLevel.M);
        var n = data.ModuleMatrix.Count;
        var svg = new StringBuilder($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {n} {n}\" width=\"22mm\" height=\"22mm\" shape-rendering=\"crispEdges\"><path d=\"");
        for (var y = 0; y < n; y++)
            for (var x = 0; x < n; x++)
                if (data.ModuleMatrix[y][x]) svg.Append($"M{x} {y}h1v1h-1z");
        return svg.Append("\"/></svg>").ToString();
    }
}
