#include "core/status.h"

namespace eduledger::core {

std::string_view StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return "OK";
    case StatusCode::kInvalidArgument:
      return "INVALID_ARGUMENT";
    case StatusCode::kNotFound:
      return "NOT_FOUND";
    case StatusCode::kAlreadyExists:
      return "ALREADY_EXISTS";
    case StatusCode::kFailedPrecondition:
      return "FAILED_PRECONDITION";
    case StatusCode::kPermissionDenied:
      return "PERMISSION_DENIED";
    case StatusCode::kUnauthenticated:
      return "UNAUTHENTICATED";
    case StatusCode::kResourceExhausted:
      return "RESOURCE_EXHAUSTED";
    case StatusCode::kAborted:
      return "ABORTED";
    case StatusCode::kUnavailable:
      return "UNAVAILABLE";
    case StatusCode::kDataLoss:
      return "DATA_LOSS";
    case StatusCode::kInternal:
      return "INTERNAL";
  }
  return "UNKNOWN";
}

Status::Status(StatusCode code, std::string_view reason, std::string_view message)
    : state_(std::make_unique<State>(State{code, std::string(reason), std::string(message)})) {}

Status::Status(const Status& other)
    : state_(other.state_ ? std::make_unique<State>(*other.state_) : nullptr) {}

Status& Status::operator=(const Status& other) {
  if (this != &other) state_ = other.state_ ? std::make_unique<State>(*other.state_) : nullptr;
  return *this;
}

#define EL_STATUS_FACTORY(Name, Code)                                      \
  Status Status::Name(std::string_view reason, std::string_view message) { \
    return Status(StatusCode::Code, reason, message);                      \
  }
EL_STATUS_FACTORY(InvalidArgument, kInvalidArgument)
EL_STATUS_FACTORY(NotFound, kNotFound)
EL_STATUS_FACTORY(AlreadyExists, kAlreadyExists)
EL_STATUS_FACTORY(FailedPrecondition, kFailedPrecondition)
EL_STATUS_FACTORY(PermissionDenied, kPermissionDenied)
EL_STATUS_FACTORY(Unauthenticated, kUnauthenticated)
EL_STATUS_FACTORY(ResourceExhausted, kResourceExhausted)
EL_STATUS_FACTORY(Aborted, kAborted)
EL_STATUS_FACTORY(Unavailable, kUnavailable)
EL_STATUS_FACTORY(DataLoss, kDataLoss)
EL_STATUS_FACTORY(Internal, kInternal)
#undef EL_STATUS_FACTORY

std::string_view Status::reason() const { return ok() ? std::string_view() : state_->reason; }

std::string_view Status::message() const { return ok() ? std::string_view() : state_->message; }

Status Status::WithContext(std::string_view context) const {
  if (ok()) return Status();
  std::string message(context);
  message += "：";
  message += state_->message;
  return Status(state_->code, state_->reason, message);
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string out(StatusCodeName(state_->code));
  if (!state_->reason.empty()) out += " " + state_->reason;
  out += ": " + state_->message;
  return out;
}

}  // namespace eduledger::core
