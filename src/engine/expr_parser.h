// Parser of the expression language (docs/expressions.md). Grammar, lowest precedence first:
//
//   expr    := and ('or' and)*
//   and     := not ('and' not)*
//   not     := 'not' not | cmp
//   cmp     := sum [ ('=' | '==' | '!=' | '<>' | '<' | '<=' | '>' | '>=') sum
//                  | ['not'] 'in' '(' sum (',' sum)* ')'
//                  | ['not'] 'between' sum 'and' sum ]
//   sum     := product (('+' | '-') product)*
//   product := unary (('*' | '/') unary)*
//   unary   := '-' unary | primary
//   primary := number | string | name | name '(' [expr (',' expr)*] ')' | '(' expr ')'
//
// Names are letters, digits, '_' and any non-ASCII character (so `小学` is a name), parts
// joined by '.' (`student_aid.amount`); keywords
// (and, or, not, in, between) are case-insensitive. Strings are in "…" or '…', or in the
// Chinese quotes “…”. Numbers are decimal, with an optional fraction and a trailing '%'
// (which divides by 100).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"
#include "engine/expr.h"

namespace eduledger::engine {

// Where and why parsing or compiling an expression failed.
struct ExprError {
  std::size_t offset = 0;  // byte offset into the source
  std::string message;     // Chinese, without the position
};

// Parse `source`. On failure: InvalidArgument "bad_expression" with a message naming the
// character (1-based, counted in characters, not bytes) where parsing stopped; `error`, when
// given, receives the offset and the bare message.
core::Result<ExprPtr> ParseExpression(std::string_view source, ExprError* error = nullptr);

// "第 N 个字符: message", then the source and a caret under character N, for showing a
// user where `error` points.
std::string DescribeExprError(std::string_view source, const ExprError& error);

// The 1-based character (code point) position of byte `offset` in `source`.
std::size_t CharacterPosition(std::string_view source, std::size_t offset);

}  // namespace eduledger::engine
