#pragma once
// Simplified/Traditional script check for the tests: characters whose
// Simplified and Traditional forms differ, chosen so that neither form is a
// legitimate character of the other script (pairs such as 后/後, 台/臺, 里/裡,
// 于/於, 范/範 are left out because both forms occur in Traditional text).
#include <cstdint>
#include <set>
#include <string_view>
#include <utility>
#include <vector>

namespace safehold::test {

// Pairs written Simplified then Traditional.
inline constexpr std::string_view kScriptPairs =
    "护護国國书書门門关關区區传傳证證运運动動监監视視话話语語电電网網络絡组組织織亲親属屬"
    "难難请請诉訴审審馆館领領务務员員边邊机機场場级級险險录錄频頻讯訊账帳户戶号號码碼删刪"
    "举舉报報盗盜们們这這时時间間问問题題认認识識别別种種类類发發实實际際应應该該说說对對"
    "当當为為会會个個经經过過进進还還与與业業东東乐樂义義习習乡鄉买買乱亂争爭亚亞产產亿億"
    "仅僅从從仪儀价價众眾优優伟偉伤傷伦倫伪偽侦偵侧側侨僑债債储儲儿兒兑兌党黨兰蘭兴興养養"
    "内內册冊写寫军軍农農决決况況冻凍净淨减減凤鳳凭憑击擊则則刚剛创創剂劑剧劇劝勸办辦励勵"
    "劳勞势勢医醫华華协協单單卖賣卢盧卫衛却卻厂廠厅廳历歷压壓县縣参參双雙变變叙敘启啟响響"
    "团團园園围圍图圖圆圓圣聖坏壞块塊坚堅执執扩擴扫掃扬揚扰擾抢搶担擔拟擬拥擁择擇挂掛换換"
    "摄攝数數断斷无無旧舊显顯暂暫杀殺杂雜权權条條来來极極构構枪槍标標树樹样樣桥橋检檢欢歡"
    "欧歐残殘毁毀毕畢气氣汇匯汉漢汤湯沟溝没沒泽澤洁潔测測济濟浓濃润潤温溫湾灣满滿滥濫灭滅"
    "灯燈灵靈灾災烟煙热熱爱愛状狀犹猶狱獄独獨猎獵献獻环環现現画畫疗療盐鹽盖蓋盘盤矿礦础礎"
    "确確礼禮祸禍离離积積称稱稳穩穷窮竞競笔筆签簽简簡粮糧紧緊纠糾红紅约約纪紀纯純纳納纵縱"
    "纸紙线線练練细細终終绍紹结結绘繪给給绝絕统統继繼续續维維综綜绿綠编編缓緩缩縮罗羅罚罰"
    "职職联聯肃肅胁脅胜勝脑腦脱脫艺藝节節苏蘇药藥获獲营營蓝藍虑慮虚虛虽雖补補袭襲装裝见見"
    "观觀规規览覽觉覺计計订訂讨討让讓训訓议議记記讲講许許论論设設访訪评評诈詐译譯试試诚誠"
    "询詢详詳误誤读讀调調谈談谋謀谢謝贝貝负負财財责責败敗货貨质質购購贵貴费費资資赔賠赛賽"
    "赵趙赶趕趋趨车車轨軌转轉轮輪软軟轻輕载載较較辅輔输輸辞辭达達迁遷迈邁远遠违違连連迟遲"
    "选選递遞遗遺邮郵邻鄰释釋针針钟鐘钢鋼钱錢铁鐵银銀链鏈销銷锁鎖错錯键鍵镇鎮长長闭閉间間"
    "闻聞阅閱队隊阳陽阴陰阵陣阶階陆陸陈陳随隨隐隱雾霧顶頂项項顺順预預额額风風飞飛饭飯马馬"
    "驱驅验驗骚騷鱼魚鸟鳥齐齊龙龍宁寧协協轰轟";

inline std::vector<char32_t> code_points(std::string_view s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1Fu) : len == 3 ? (b & 0x0Fu) : (b & 0x07u);
    for (std::size_t k = 1; k < len && i + k < s.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    }
    out.push_back(cp);
    i += len;
  }
  return out;
}

struct ScriptSets {
  std::set<char32_t> simplified_only;
  std::set<char32_t> traditional_only;
};

inline const ScriptSets& script_sets() {
  static const ScriptSets sets = [] {
    ScriptSets s;
    auto cps = code_points(kScriptPairs);
    for (std::size_t i = 0; i + 1 < cps.size(); i += 2) {
      if (cps[i] == cps[i + 1]) continue;  // padding pairs
      s.simplified_only.insert(cps[i]);
      s.traditional_only.insert(cps[i + 1]);
    }
    return s;
  }();
  return sets;
}

inline bool contains_any(std::string_view text, const std::set<char32_t>& set) {
  for (auto cp : code_points(text)) {
    if (set.contains(cp)) return true;
  }
  return false;
}

}  // namespace safehold::test
