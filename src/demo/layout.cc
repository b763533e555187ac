// The layout of a demo county: ten townships (the county seat 城关镇, four 镇, five 乡) and
// 108 schools:
//
//   county-level    1 高级中学, 1 职业高中, 1 特殊教育学校, 1 成人高中            4
//   城关镇          2 初级中学, 4 小学 + 1 民办小学, 1 公办 + 4 民办幼儿园         12
//   nine townships  1 中心小学, 3 村小, 2-3 教学点, 1 初中 or 九年一贯制,
//                   1 中心幼儿园, 1-2 民办幼儿园                               90
//   and             one more 九年一贯制学校, one 农民文化技术学校                   2
//                                                                           108
#include <cstdio>

#include "demo/demo_internal.h"

namespace eduledger::demo::internal {

namespace {

class LayoutBuilder {
 public:
  LayoutBuilder(CountyLayout* layout, int k) : layout_(layout), k_(k) {}

  int AddSchool(std::string name, int type, int township, bool is_private, int urban_rural,
                bool boarding = false, bool small_scale = false, int class_size = 45) {
    meta::OrgUnit u;
    char code[48];  // room for any int: -Wformat-truncation in Debug
    std::snprintf(code, sizeof code, "%02d43%03d%03d", type / 10, k_, seq_++);
    u.code = code;
    u.name = std::move(name);
    u.level = meta::OrgLevel::kSchool;
    u.school_type = type;
    u.ownership = is_private ? meta::Ownership::kPrivate : meta::Ownership::kEducationDept;
    u.urban_rural = urban_rural;
    u.boarding = boarding;
    u.small_scale = small_scale;
    u.affordable = type / 10 == 11 && !is_private;  // public kindergartens are 普惠
    layout_->units.push_back(std::move(u));
    layout_->parent.push_back(
        township < 0
            ? 0
            : static_cast<int>(layout_->townships[static_cast<std::size_t>(township)].unit));
    DemoSchool s;
    s.unit = layout_->units.size() - 1;
    s.type = type;
    s.township = township;
    s.is_private = is_private;
    s.class_size = class_size;
    layout_->schools.push_back(s);
    return static_cast<int>(layout_->schools.size()) - 1;
  }

 private:
  CountyLayout* layout_;
  int k_;
  int seq_ = 1;
};

}  // namespace

CountyLayout LayOutCounty(int k, int city_code, Rng& rng) {
  CountyLayout L;
  L.index = k;
  char address[8];
  std::snprintf(address, sizeof address, "43%02d%02d", city_code, k % 90 + 1);
  L.address_code = address;
  const std::string county = CountyName(k);

  meta::OrgUnit c;
  c.code = L.address_code;
  c.name = county;
  c.level = meta::OrgLevel::kCounty;
  L.units.push_back(c);
  L.parent.push_back(-1);

  for (int t = 0; t < 10; ++t) {
    meta::OrgUnit u;
    char code[16];
    std::snprintf(code, sizeof code, "%s%03d", address, 100 + t);
    u.code = code;
    u.name = std::string(TownshipName(t));
    u.level = meta::OrgLevel::kTownship;
    L.units.push_back(u);
    L.parent.push_back(0);
    Township ts;
    ts.unit = L.units.size() - 1;
    ts.urban = t == 0;
    ts.population = t == 0 ? 3.4 : (t < 5 ? 1.05 : 0.8);
    L.townships.push_back(ts);
  }

  LayoutBuilder b(&L, k);
  // County-level schools sit in the county seat but belong to the county directly.
  L.senior = b.AddSchool(county + "第一高级中学", 342, -1, false, 111, true, false, 56);
  L.vocational = b.AddSchool(county + "职业中专学校", 365, -1, false, 112, true, false, 45);
  L.special = b.AddSchool(county + "特殊教育学校", 514, -1, false, 112, true, false, 10);
  L.adult_senior = b.AddSchool(county + "成人教育中心", 351, -1, false, 111, false, false, 50);

  Township& seat = L.townships[0];
  // The seat's schools are crowded: 实验中学 and 城关第一小学 have had 大班额 (56+) and some
  // 超大班额 (66+), 实验中学 until its new teaching building opened for the latest school year
  // (its classes are split to 52); 城关第一小学's remain.
  for (const auto& [n, size] : {std::pair{"第二中学", 52}, std::pair{"实验中学", 64}}) {
    const int s = b.AddSchool(county + n, 311, 0, false, 111, false, false, size);
    if (size > 55) L.schools[static_cast<std::size_t>(s)].expanded_class_size = 52;
    seat.junior.push_back(s);
    L.urban_junior.push_back(s);
  }
  for (const auto& [n, size] : {std::pair{"城关第一小学", 58}, std::pair{"城关第二小学", 54},
                                std::pair{"城关第三小学", 54}, std::pair{"城关第四小学", 54}}) {
    L.urban_primary.push_back(b.AddSchool(county + n, 211, 0, false, 111, false, false, size));
  }
  L.private_primary.push_back(
      b.AddSchool(county + "博雅实验小学", 211, 0, true, 112, true, false, 45));
  seat.kg_public.push_back(
      b.AddSchool(county + "机关幼儿园", 111, 0, false, 111, false, false, 32));
  for (int i = 0; i < 4; ++i) {
    seat.kg_private.push_back(b.AddSchool("城关镇" + std::string(KindergartenBrand(i)) + "幼儿园",
                                          111, 0, true, i >= 2 ? 112 : 111, false, false, 30));
    // Half the private kindergartens are recognised as 普惠性民办.
    if (i % 2 == 0)
      L.units[L.schools[static_cast<std::size_t>(seat.kg_private.back())].unit].affordable = true;
  }

  int village = 0;
  int points = 0;
  for (int t = 1; t < 10; ++t) {
    Township& ts = L.townships[static_cast<std::size_t>(t)];
    const std::string tn(TownshipName(t));
    const bool town = t < 5;  // 镇 rather than 乡
    const int centre_code = town ? 121 : 210;
    const int village_code = town ? 122 : 220;
    ts.central_primary.push_back(b.AddSchool(tn + "中心小学", 211, t, false, centre_code, true));
    for (int v = 0; v < 3; ++v, ++village) {
      ts.village_primary.push_back(b.AddSchool(tn + std::string(VillageName(village)) + "村小学",
                                               211, t, false, village_code, false, rng.Chance(0.3),
                                               40));
    }
    const int tps = t <= 3 ? 3 : 2;  // 3·3 + 6·2 = 21
    for (int p = 0; p < tps; ++p, ++points) {
      const int s = b.AddSchool(tn + std::string(VillageName(points + 7)) + "教学点", 218, t, false,
                                220, false, true, 25);
      L.schools[static_cast<std::size_t>(s)].central = ts.central_primary[0];
      ts.teaching_points.push_back(s);
    }
    // Six townships have a 初级中学, the others a 九年一贯制学校.
    if (t <= 6) {
      ts.junior.push_back(b.AddSchool(tn + "中学", 311, t, false, centre_code, true, false, 50));
    } else {
      const int s = b.AddSchool(tn + "九年一贯制学校", 312, t, false, centre_code, true, false, 45);
      ts.junior.push_back(s);
      ts.nine_year.push_back(s);
    }
    ts.kg_public.push_back(
        b.AddSchool(tn + "中心幼儿园", 111, t, false, centre_code, false, false, 30));
    const int brands = t <= 6 ? 2 : 1;  // 6·2 + 3·1 = 15 private kindergartens
    for (int i = 0; i < brands; ++i) {
      ts.kg_private.push_back(b.AddSchool(tn + std::string(KindergartenBrand(4 + t + i)) + "幼儿园",
                                          111, t, true, centre_code, false, false, 28));
      if (i == 0)
        L.units[L.schools[static_cast<std::size_t>(ts.kg_private.back())].unit].affordable = true;
    }
  }
  // One more 九年一贯制 school in the biggest town, and a farmers' school.
  {
    Township& ts = L.townships[1];
    const int s = b.AddSchool(std::string(TownshipName(1)) + "第二九年一贯制学校", 312, 1, false,
                              121, true, false, 45);
    ts.nine_year.push_back(s);
    L.adult_junior =
        b.AddSchool(std::string(TownshipName(2)) + "农民文化技术学校", 332, 2, false, 122);
  }
  return L;
}

}  // namespace eduledger::demo::internal
