#include "fives/catalog.h"

#include <set>

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace fives {
namespace {

using ::testing::HasSubstr;

TEST(CatalogTest, BuiltinCatalogIsValid) {
  EXPECT_TRUE(ValidateCatalog(BuiltinCatalog()).ok())
      << ValidateCatalog(BuiltinCatalog());
}

TEST(CatalogTest, EveryListIsNonEmptyAndEqualInBothLanguages) {
  for (Pillar p : kAllPillars) {
    SCOPED_TRACE(PillarKey(p));
    const v1::PillarTexts& nl = PillarTextsFor(p, Language::kDutch);
    const v1::PillarTexts& en = PillarTextsFor(p, Language::kEnglish);
    EXPECT_EQ(nl.language(), "nl");
    EXPECT_EQ(en.language(), "en");
    EXPECT_FALSE(nl.name().empty());
    EXPECT_FALSE(en.summary().empty());
    EXPECT_GT(nl.topics_size(), 0);
    EXPECT_GT(nl.warning_signals_size(), 0);
    EXPECT_GT(nl.practices_size(), 0);
    EXPECT_EQ(nl.topics_size(), en.topics_size());
    EXPECT_EQ(nl.warning_signals_size(), en.warning_signals_size());
    EXPECT_EQ(nl.practices_size(), en.practices_size());
  }
}

TEST(CatalogTest, PillarsAreInTheMethodsOrderWithTheirNames) {
  const v1::Catalog& c = BuiltinCatalog();
  ASSERT_EQ(c.pillars_size(), 5);
  EXPECT_EQ(c.pillars(0).key(), "strategy");
  EXPECT_EQ(c.pillars(4).key(), "success");
  EXPECT_EQ(PillarName(Pillar::kStrategy, Language::kDutch),
            "Stip & strategie");
  EXPECT_EQ(PillarName(Pillar::kSuccess, Language::kEnglish),
            "Success factors");
}

TEST(CatalogTest, ArticleItemsArePresent) {
  // The article's numbers survive translation: 3-5 priorities, 6-10 KPIs,
  // a check every 6-8 weeks.
  auto mentions = [](Pillar p, Language l, absl::string_view what) {
    for (const std::string& s : PillarTextsFor(p, l).practices()) {
      if (absl::StrContains(s, what)) return true;
    }
    return false;
  };
  for (Language l : {Language::kDutch, Language::kEnglish}) {
    EXPECT_TRUE(mentions(Pillar::kStrategy, l, "3-5"));
    EXPECT_TRUE(mentions(Pillar::kSteering, l, "6-10"));
    EXPECT_TRUE(mentions(Pillar::kSuccess, l, "6-8"));
  }
}

TEST(CatalogTest, PhrasesExistInBothLanguages) {
  for (absl::string_view key :
       {"label_split", "talk_first", "focus_heading", "reason_lowest_mean",
        "withheld_too_few", "withheld_distribution"}) {
    EXPECT_NE(Phrase(key, Language::kDutch), key);
    EXPECT_NE(Phrase(key, Language::kEnglish), key);
  }
  EXPECT_EQ(Phrase("label_split", Language::kEnglish), "split");
  EXPECT_EQ(Phrase("no_such_phrase", Language::kDutch), "no_such_phrase");
}

TEST(CatalogTest, LanguageTags) {
  EXPECT_EQ(*LanguageFromTag("NL"), Language::kDutch);
  EXPECT_EQ(LanguageTag(Language::kEnglish), "en");
  EXPECT_THAT(LanguageFromTag("de").status().message(), HasSubstr("\"de\""));
}

TEST(CatalogTest, ValidationNamesWhatIsWrong) {
  v1::Catalog c = BuiltinCatalog();
  c.mutable_pillars(2)->mutable_texts(0)->add_practices("extra");
  EXPECT_THAT(ValidateCatalog(c).message(),
              HasSubstr("catalog.pillars[2].practices"));

  c = BuiltinCatalog();
  c.mutable_pillars(1)->mutable_texts(1)->clear_topics();
  c.mutable_pillars(1)->mutable_texts(0)->clear_topics();
  EXPECT_THAT(ValidateCatalog(c).message(), HasSubstr("topics: empty"));

  c = BuiltinCatalog();
  c.mutable_pillars()->SwapElements(0, 1);
  EXPECT_THAT(ValidateCatalog(c).message(), HasSubstr("method's order"));

  c = BuiltinCatalog();
  c.mutable_pillars(0)->mutable_texts(1)->set_language("de");
  EXPECT_THAT(ValidateCatalog(c).message(), HasSubstr("\"de\""));

  c = BuiltinCatalog();
  c.mutable_phrases(0)->set_nl("zonder plaatshouder");
  EXPECT_THAT(ValidateCatalog(c).message(), HasSubstr("placeholders"));

  c = BuiltinCatalog();
  *c.add_phrases() = c.phrases(0);
  EXPECT_THAT(ValidateCatalog(c).message(), HasSubstr("repeated"));

  EXPECT_EQ(ParseCatalog("pillars { oops").status().code(),
            absl::StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace fives
