#pragma once
// Synthetic but realistic-length case text for the storage benchmarks:
// English and Chinese narratives of a few hundred characters, built from
// phrase pools so that common and rare words both occur.
#include <random>
#include <string>
#include <vector>

namespace safehold::bench {

class Corpus {
 public:
  explicit Corpus(std::uint32_t seed) : rng_(seed) {}

  std::string english_narrative() {
    std::string out;
    const int sentences = 4 + static_cast<int>(rng_() % 6);
    for (int i = 0; i < sentences; ++i) out += pick(kEnglish) + " ";
    return out;
  }
  std::string chinese_narrative() {
    std::string out;
    const int sentences = 4 + static_cast<int>(rng_() % 6);
    for (int i = 0; i < sentences; ++i) out += pick(kChinese);
    return out;
  }
  std::string title() { return pick(kTitles) + " " + std::to_string(rng_() % 1000); }
  template <class T>
  const T& pick(const std::vector<T>& v) { return v[rng_() % v.size()]; }
  std::uint32_t next() { return static_cast<std::uint32_t>(rng_()); }

  inline static const std::vector<std::string> kEnglish = {
      "Two officers from the local Public Security Bureau visited my parents and questioned them about my activities abroad.",
      "My father was invited to tea and told that my passport would not be renewed unless I came back.",
      "The embassy refused to renew my passport and offered only a one-way travel document.",
      "I received repeated WeChat calls from an officer who threatened my sister's job.",
      "My brother was detained for three weeks under residential surveillance at a designated location.",
      "A man from the hometown association followed me after the protest in Amsterdam.",
      "They said my mother would lose her pension if I continued speaking to journalists.",
      "An Interpol Red Notice was issued after I applied for asylum in Thailand.",
      "My accounts were hacked and private photos were posted in a group chat.",
      "The police asked my cousin to persuade me to return and surrender.",
      "I was asked to report on other students in exchange for my family's safety.",
      "Someone from the consulate came to my workplace and asked about my residence status.",
      "Unknown callers sent voice messages in Uyghur describing where my children go to school.",
      "My household registration was cancelled and my ID card stopped working.",
      "A lawyer in Bangkok advised me to file an access request with the Interpol commission.",
  };
  inline static const std::vector<std::string> kChinese = {
      "国保警察到我父母家，要求我父亲劝我回国。", "他们没收了我弟弟的护照，不让他出境。",
      "派出所的人打电话给我母亲，说如果我不回去就会影响她的退休金。", "我在微信上收到一个陌生人的威胁信息。",
      "我的父亲被叫去喝茶，一整天都没有回家。", "领事馆拒绝为我更新护照，只给我一张旅行证。",
      "我的表哥被要求劝我回国自首。", "他们说我在国外的言论已经被记录在案。",
      "我哥哥被指定居所监视居住三个星期。", "同乡会的人在抗议结束后一直跟着我。",
      "我的银行账户被冻结，户口也被注销了。", "有人在网上公开了我的住址和电话号码。",
      "公安局给我家人施压，要求我提供其他留学生的信息。", "我担心回国后会被关进再教育营。",
      "領事館拒絕為我更新護照，只給我一張旅行證。", "國安人員多次到我家裡，詢問我在海外的活動。",
  };
  inline static const std::vector<std::string> kTitles = {
      "Relatives questioned", "Passport not renewed", "Threatening calls", "Red Notice", "Surveillance abroad",
      "Hacked accounts", "Pressure to return", "Informant recruitment", "护照被拒", "家属被约谈", "跨境骚扰",
  };

 private:
  std::mt19937 rng_;
};

}  // namespace safehold::bench
