// Made-up names and ID numbers for the demo county. Names are drawn from common surnames and
// given-name characters; any likeness to a real person is chance.
#include <array>
#include <cstdio>

#include "core/id_number.h"
#include "demo/demo_internal.h"

namespace eduledger::demo::internal {

namespace {

constexpr std::array<std::string_view, 80> kSurnames = {
    "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭",
    "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾",
    "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏", "吕", "丁",
    "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖", "贾", "夏",
    "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "段", "雷", "侯", "龙"};
// Earlier entries are drawn more often (a rough Zipf).
constexpr std::array<std::string_view, 48> kMaleChars = {
    "浩", "宇", "轩", "子", "俊", "杰", "博", "文", "明", "睿", "泽", "晨", "天", "然", "一", "鑫",
    "磊", "涛", "辰", "阳", "强", "伟", "嘉", "豪", "思", "远", "鹏", "志", "峰", "航", "凯", "毅",
    "瑞", "锦", "乐", "铭", "安", "恒", "宏", "康", "亮", "成", "诚", "俊", "逸", "承", "煜", "昊"};
constexpr std::array<std::string_view, 48> kFemaleChars = {
    "欣", "怡", "梓", "涵", "诗", "雨", "可", "馨", "佳", "琪", "静", "婷", "雪", "思", "悦", "玥",
    "萱", "雅", "芳", "丽", "娜", "颖", "一", "诺", "心", "晴", "瑶", "彤", "妍", "蕾", "楠", "洁",
    "月", "慧", "茜", "琳", "嘉", "宁", "菲", "珊", "倩", "艺", "露", "敏", "桐", "语", "若", "舒"};

constexpr std::array<std::string_view, 10> kTownships = {"城关镇", "青石镇", "河口镇", "白沙镇",
                                                         "龙泉镇", "桃源乡", "马坪乡", "石门乡",
                                                         "竹溪乡", "双河乡"};
constexpr std::array<std::string_view, 24> kVillages = {
    "新华", "红星", "金山", "大坪", "长岭", "杨柳", "枫林", "柏树", "松林", "太平", "和平", "向阳",
    "高桥", "黄土", "清水", "茶园", "梅溪", "石桥", "凤凰", "麻阳", "青龙", "白马", "花园", "中坪"};
constexpr std::array<std::string_view, 12> kBrands = {"小天使", "启航",   "贝贝", "七彩",
                                                      "阳光",   "金太阳", "童心", "博雅",
                                                      "爱心",   "小博士", "蓝天", "育英"};
constexpr std::array<std::string_view, 20> kCountyFirst = {"安", "永", "清", "丰", "平", "宁", "福",
                                                           "长", "新", "兴", "和", "泰", "庆", "乐",
                                                           "嘉", "云", "溪", "宜", "崇", "桂"};
constexpr std::array<std::string_view, 20> kCountySecond = {
    "平", "宁", "河", "源", "山", "阳", "江", "林", "城", "川",
    "丰", "安", "水", "乡", "德", "远", "昌", "南", "台", "化"};

// Address codes of other counties (GB/T 2260), for people born outside the county.
constexpr std::array<std::string_view, 16> kOtherCodes = {
    "430102", "430211", "430521", "430621", "431121", "433101", "522401", "522601",
    "450102", "450321", "500101", "500230", "360702", "420106", "440304", "510104"};

std::string_view Zipf(Rng& rng, std::span<const std::string_view> items) {
  // The minimum of two uniform draws favours the front of the list.
  const std::uint32_t a = rng.Below(static_cast<std::uint32_t>(items.size()));
  const std::uint32_t b = rng.Below(static_cast<std::uint32_t>(items.size()));
  return items[a < b ? a : b];
}

}  // namespace

std::string PersonName(Rng& rng, core::Sex sex) {
  std::string name(Zipf(rng, kSurnames));
  const auto& chars = sex == core::Sex::kMale ? kMaleChars : kFemaleChars;
  name += Zipf(rng, chars);
  if (rng.Chance(0.82)) name += Zipf(rng, chars);
  return name;
}

std::string CountyName(int k) {
  if (k == 0) return "示例县";
  return std::string(kCountyFirst[static_cast<std::size_t>(k) % kCountyFirst.size()]) +
         std::string(
             kCountySecond[static_cast<std::size_t>(k / 20 + k * 7) % kCountySecond.size()]) +
         (k >= 400 ? "新区" : "县");
}

std::string_view VillageName(int i) {
  return kVillages[static_cast<std::size_t>(i) % kVillages.size()];
}
std::string_view KindergartenBrand(int i) {
  return kBrands[static_cast<std::size_t>(i) % kBrands.size()];
}
std::string_view TownshipName(int i) {
  return kTownships[static_cast<std::size_t>(i) % kTownships.size()];
}
std::string_view OtherAddressCode(Rng& rng) { return rng.Pick<std::string_view>(kOtherCodes); }

std::string IdNumberSource::Next(std::string_view address_code, core::Date birth, core::Sex sex) {
  std::uint64_t address = 0;
  for (const char c : address_code) address = address * 10 + static_cast<std::uint64_t>(c - '0');
  const std::uint64_t key = address * 200000 + static_cast<std::uint64_t>(birth.days() + 80000);
  int& count = used_[key];
  // Sequence numbers 001..999: odd for men, even for women, 500 of each per address and day.
  const int seq = count * 2 + (sex == core::Sex::kMale ? 1 : 2);
  ++count;
  char buf[24];
  std::snprintf(buf, sizeof buf, "%.6s%04d%02d%02d%03d", std::string(address_code).c_str(),
                birth.year(), birth.month(), birth.day(), seq % 1000);
  std::string id(buf);
  id.push_back(core::IdNumber::CheckCharacter(id));
  return id;
}

}  // namespace eduledger::demo::internal
