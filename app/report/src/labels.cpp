// The report's own words. Keep the three columns filled: a report in Chinese
// must not fall back to English headings.
#include "labels.hpp"

#include <array>

namespace safehold::report::detail {
namespace {

struct Entry {
  std::string_view key, en, zh_hans, zh_hant;
};

constexpr std::array kLabels = {
    Entry{"title", "Evidence report", "证据报告", "證據報告"},
    Entry{"page_format", "page {n} of {m}", "第 {n} 页，共 {m} 页", "第 {n} 頁，共 {m} 頁"},
    Entry{"cover", "Cover", "封面", "封面"},
    Entry{"case_reference", "Case reference", "案件编号", "案件編號"},
    Entry{"case_title", "Case title", "案件标题", "案件標題"},
    Entry{"generated_at", "Generated (UTC)", "生成时间（UTC）", "生成時間（UTC）"},
    Entry{"audience", "Prepared for", "提供对象", "提供對象"},
    Entry{"signing_key_id", "Signing key id (minisign)", "签名密钥 ID（minisign）", "簽名金鑰 ID（minisign）"},
    Entry{"signing_key", "Signing public key", "签名公钥", "簽名公鑰"},
    Entry{"records_sha256", "SHA-256 of the records", "记录的 SHA-256", "記錄的 SHA-256"},
    Entry{"records", "Records", "记录数", "記錄數"},
    Entry{"identifying", "Identifying fields", "身份识别字段", "身分識別欄位"},
    Entry{"included", "included (consent allows it)", "已包含（同意允许）", "已包含（同意允許）"},
    Entry{"not_included", "left out", "未包含", "未包含"},
    Entry{"left_out", "Left out of this report", "本报告未包含的内容", "本報告未包含的內容"},
    Entry{"left_out.identifying_fields", "Identifying fields (not requested or not allowed by consent); records concerned",
          "身份识别字段（未请求或同意不允许）；涉及记录数", "身分識別欄位（未請求或同意不允許）；涉及記錄數"},
    Entry{"left_out.custody_note", "Notes of custody events naming earlier bundles, reports or exports and their recipients",
          "保管事件中提及先前数据包、报告或导出及其接收方的备注", "保管事件中提及先前資料包、報告或匯出及其接收方的備註"},
    Entry{"left_out.interview_sessions", "Interview sessions (internal working notes)", "访谈记录（内部工作笔记）",
          "訪談記錄（內部工作筆記）"},
    Entry{"left_out.nothing", "Nothing", "无", "無"},
    Entry{"verify", "How to check", "如何核验", "如何核驗"},
    Entry{"verify.text",
          "minisign -V -P <public key> -m FILE.pdf checks this file against FILE.pdf.minisig; sha256sum of an evidence "
          "file must equal the SHA-256 in the evidence list. Obtain the public key from the sender, not from this page.",
          "minisign -V -P <公钥> -m FILE.pdf 用 FILE.pdf.minisig 核验本文件；证据文件的 sha256sum 必须与证据清单中的 "
          "SHA-256 相同。请向发送方索取公钥，不要以本页为准。",
          "minisign -V -P <公鑰> -m FILE.pdf 用 FILE.pdf.minisig 核驗本文件；證據檔案的 sha256sum 必須與證據清單中的 "
          "SHA-256 相同。請向發送方索取公鑰，不要以本頁為準。"},
    Entry{"chronology", "Chronology of incidents", "事件时间线", "事件時間線"},
    Entry{"measures", "Legal measures", "法律措施", "法律措施"},
    Entry{"evidence", "Evidence", "证据", "證據"},
    Entry{"custody", "Custody history", "保管记录", "保管記錄"},
    Entry{"persons", "Persons", "人员", "人員"},
    Entry{"interventions", "Interventions", "干预措施", "干預措施"},
    Entry{"consent", "Consent summary", "同意摘要", "同意摘要"},
    Entry{"risk", "Risk rating", "风险评级", "風險評級"},
    Entry{"none", "None", "无", "無"},
    Entry{"undated", "undated", "无日期", "無日期"},
    Entry{"yes", "yes", "是", "是"},
    Entry{"no", "no", "否", "否"},
    // The statistics PDF (stats_document.cpp).
    Entry{"stats.title", "Anonymised statistics", "匿名统计", "匿名統計"},
    Entry{"stats.about", "What was counted", "统计内容", "統計內容"},
    Entry{"stats.counted_by", "Counted by", "统计维度", "統計維度"},
    Entry{"stats.unit", "Unit", "计数单位", "計數單位"},
    Entry{"stats.unit.incident", "incidents", "事件", "事件"},
    Entry{"stats.unit.legal_measure", "legal measures", "法律措施", "法律措施"},
    Entry{"stats.cases_included", "Cases included (consent to anonymised statistics)", "纳入的案件（同意匿名统计）",
          "納入的案件（同意匿名統計）"},
    Entry{"stats.cases_left_out", "Cases left out (no consent to anonymised statistics)", "未纳入的案件（未同意匿名统计）",
          "未納入的案件（未同意匿名統計）"},
    Entry{"stats.total", "Counted in all", "计数总数", "計數總數"},
    Entry{"stats.total.hidden", "not shown (a cell is suppressed)", "不显示（有单元格被隐藏）", "不顯示（有儲存格被隱藏）"},
    Entry{"stats.suppression", "Small cells", "小单元格", "小儲存格"},
    Entry{"stats.suppression.text",
          "Counts under {n} are not shown: printed as <{n} with an outlined bar (at most one less than {n}). No row "
          "or column totals are printed.",
          "小于 {n} 的计数不显示：印为 <{n}，并以空心条表示（最多比 {n} 少一）。不印出行或列的合计。",
          "小於 {n} 的計數不顯示：印為 <{n}，並以空心條表示（最多比 {n} 少一）。不印出列或欄的合計。"},
    Entry{"stats.chart", "Counts", "计数", "計數"},
    Entry{"stats.empty", "Nothing to count", "没有可统计的内容", "沒有可統計的內容"},
    Entry{"stats.unknown", "unknown", "未知", "未知"},
    Entry{"stats.dim.year", "Year", "年份", "年份"},
    Entry{"stats.dim.outcome", "Outcome", "结果", "結果"},
    Entry{"stats.dim.tactic", "Tactic", "手段", "手段"},
    Entry{"stats.dim.country", "Country", "国家", "國家"},
    Entry{"stats.dim.perpetrator", "Perpetrator type", "施害者类型", "施害者類型"},
    Entry{"stats.dim.host_country", "Host country", "居住国", "居住國"},
    Entry{"stats.dim.measure", "Legal measure", "法律措施", "法律措施"},
    Entry{"stats.verify.text",
          "minisign -V -P <public key> -m FILE.pdf checks this file against FILE.pdf.minisig. Obtain the public key "
          "from the sender, not from this page.",
          "minisign -V -P <公钥> -m FILE.pdf 用 FILE.pdf.minisig 核验本文件。请向发送方索取公钥，不要以本页为准。",
          "minisign -V -P <公鑰> -m FILE.pdf 用 FILE.pdf.minisig 核驗本文件。請向發送方索取公鑰，不要以本頁為準。"},
};

}  // namespace

std::string_view label(std::string_view key, schema::Language language) {
  for (const auto& e : kLabels) {
    if (e.key != key) continue;
    switch (language) {
      case schema::Language::en: return e.en;
      case schema::Language::zh_hans: return e.zh_hans;
      case schema::Language::zh_hant: return e.zh_hant;
    }
  }
  return key;
}

}  // namespace safehold::report::detail
