// Fuzz target: a metadata package read and compiled as the program loads it. The first byte
// chooses which of the package's files the rest of the input replaces; the others are the
// shipped county-bureau package's, so references between the files are exercised too.
#include <array>
#include <filesystem>

#include "app/metadata.h"
#include "fuzz/fuzz_target.h"

namespace {

// The seeds (seeds.cc) pick the files by the same first byte: keep the order.
constexpr std::array<const char*, 9> kFiles = {
    "package.json",   "indicators.json",       "data_elements.json",
    "data_sets.json", "validation_rules.json", "targets.json",
    "workflows.json", "ledgers/hazard.json",   "ledgers/dropout_control.json"};

// A copy of the shipped package in the scratch directory, made once.
const std::string& PackageCopy() {
  static const std::string dir = [] {
    namespace fs = std::filesystem;
    const std::string to = eduledger::fuzz::ScratchDirectory() + "/package";
    fs::copy(fs::path(EDULEDGER_SOURCE_DIR) / "packages/county-bureau", to,
             fs::copy_options::recursive);
    return to;
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace eduledger;
  if (size == 0) return 0;
  const std::string& dir = PackageCopy();
  const std::string file = kFiles[data[0] % kFiles.size()];
  const std::string shipped = std::string(EDULEDGER_SOURCE_DIR) + "/packages/county-bureau/" + file;
  fuzz::ScratchFile("package/" + file, fuzz::AsText(data + 1, size - 1));

  std::vector<meta::PackageError> errors;
  const std::array<std::string, 1> dirs = {dir};
  auto metadata = app::Metadata::Load(dirs, &errors);
  if (!metadata.ok()) {
    fuzz::ExpectRefusal(metadata.status(), "loading the package");
    fuzz::Expect(!errors.empty(), "a refused package must list its faults");
    for (const meta::PackageError& e : errors) {
      fuzz::Expect(!e.file.empty(), "a package fault must name its file");
      fuzz::ExpectChinese(e.message, "a package fault");
    }
  } else {
    fuzz::Expect(errors.empty(), "a loaded package has no faults");
  }
  // Put the shipped file back for the next input.
  std::filesystem::copy_file(shipped, dir + "/" + file,
                             std::filesystem::copy_options::overwrite_existing);
  return 0;
}
