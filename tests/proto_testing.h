// Test helpers for protobuf messages: equality with a readable failure,
// deterministic bytes for comparing messages byte for byte, and setting a
// deprecated field as a host of an older schema does.
#ifndef FIVES_TESTS_PROTO_TESTING_H_
#define FIVES_TESTS_PROTO_TESTING_H_

#include <cstdint>
#include <string>

#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/message.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"

namespace fives::proto_testing {

// Success when `a` and `b` are equal; else both messages in the failure.
inline ::testing::AssertionResult SameProto(
    const google::protobuf::Message& a, const google::protobuf::Message& b) {
  if (google::protobuf::util::MessageDifferencer::Equals(a, b)) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << "messages differ:\n"
                                       << a.DebugString() << "---- vs ----\n"
                                       << b.DebugString();
}

// Deterministic serialization: the same message always gives the same bytes.
inline std::string DeterministicBytes(const google::protobuf::Message& m) {
  std::string out;
  {
    google::protobuf::io::StringOutputStream stream(&out);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    EXPECT_TRUE(m.SerializeToCodedStream(&coded));
  }
  return out;
}

// Sets the int32 field `name` of `m` by reflection, so a test can set a
// deprecated field (SignalTick.signal) without its deprecated accessors.
inline void SetInt32Field(google::protobuf::Message& m, const char* name,
                          int32_t value) {
  const google::protobuf::FieldDescriptor* field =
      m.GetDescriptor()->FindFieldByName(name);
  ASSERT_NE(field, nullptr) << name;
  m.GetReflection()->SetInt32(&m, field, value);
}

}  // namespace fives::proto_testing

#endif  // FIVES_TESTS_PROTO_TESTING_H_
