// verify_bundle / import_bundle: the bundle reader over the vault's identity
// and contacts, with the content consumer.
#include "import_consumer.hpp"
#include "safehold/core/exchange/contact_card.hpp"
#include "safehold/core/exchange/contacts.hpp"
#include "safehold/base/file_io.hpp"

namespace safehold::core::exchange {
namespace {

namespace ms = crypto::minisign;

// age recipients are lowercase Bech32 (the manifest parser and the contact
// book both insist), so byte equality is the comparison.
bool same_age_recipient(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && crypto::equal_constant_time(
                                     {reinterpret_cast<const std::uint8_t*>(a.data()), a.size()},
                                     {reinterpret_cast<const std::uint8_t*>(b.data()), b.size()});
}

// Decides trust from the contacts and records who signed (SignerInfo).
bundle::SignerTrustFn trust_from_contacts(storage::Vault& vault, const ImportOptions& options, BundleReport& report,
                                          std::optional<ExchangeFailure>& lookup_failure) {
  return [&vault, options, &report, &lookup_failure](const ms::PublicKey& signer,
                                                     const bundle::ManifestSender& sender) {
    SignerInfo& info = report.sender;
    info.key_id = ms::key_id_hex(signer.key_id());
    info.minisign_public_key = signer.key_line();
    info.age_recipient = sender.age_recipient;
    info.claimed_name = sender.name;
    info.fingerprint = fingerprint_of(sender.age_recipient, info.minisign_public_key).digits();
    auto contact = ContactBook(vault).by_signing_key(signer);
    if (!contact) {
      lookup_failure = contact.error();
      return bundle::SignerTrust::unknown;
    }
    if (!*contact) return info.trust = bundle::SignerTrust::unknown;
    // The fingerprint shown beside "verified" is the contact's; a manifest
    // that names another age key for the sender (so replies would go to
    // someone else) is refused (issue 10, finding 13).
    if (!same_age_recipient(sender.age_recipient, (*contact)->age_recipient)) {
      lookup_failure = from_bundle({bundle::BundleError::sender_mismatch,
                                    "key " + info.key_id + ", contact " + (*contact)->display_name})
                           .error();
      return info.trust = bundle::SignerTrust::unknown;
    }
    info.fingerprint = (*contact)->fingerprint;
    info.contact_id = (*contact)->id;
    info.contact_name = (*contact)->display_name;
    info.trust = (*contact)->verified ? bundle::SignerTrust::verified : bundle::SignerTrust::unverified;
    if (info.trust == bundle::SignerTrust::unverified && options.allow_unverified) {
      report.unverified_sender = true;
      return bundle::SignerTrust::verified;
    }
    return info.trust;
  };
}

unexpected<ExchangeFailure> read_failure(const bundle::BundleFailure& f, const ContentConsumer& consumer,
                                         const BundleReport& report,
                                         const std::optional<ExchangeFailure>& lookup_failure) {
  if (consumer.own_failure()) return unexpected(*consumer.own_failure());
  if (lookup_failure) return unexpected(*lookup_failure);
  auto out = from_bundle(f);
  if (f.code == bundle::BundleError::unknown_signer || f.code == bundle::BundleError::unverified_signer) {
    const auto& s = report.sender;
    out.error().signer = s;
    out.error().detail = std::string(bundle::describe(f.code)) + ": key " + s.key_id + ", fingerprint " +
                         s.fingerprint +
                         (f.code == bundle::BundleError::unknown_signer
                              ? " (add the sender's contact card, compare this fingerprint with them, verify the "
                                "contact)"
                              : " (contact " + s.contact_name + ": compare this fingerprint with them, verify the contact)");
  }
  return out;
}

struct Run {
  BundleReport report;
  std::optional<ExchangeFailure> lookup_failure;
};

ExchangeResult<ImportResult> run(storage::Vault& vault, base::ByteSource& in, const ImportOptions& options,
                                 const storage::OperationHooks& hooks, bool importing) {
  auto identity = vault.identity().age_identity();
  if (!identity) return from_storage(identity.error());
  Run r;
  bundle::ReadOptions read;
  read.signer_trust = trust_from_contacts(vault, options, r.report, r.lookup_failure);
  read.progress = [&hooks](std::uint64_t done, std::uint64_t total) {
    if (hooks.progress) hooks.progress(done, total);
    return !(hooks.cancel_requested && hooks.cancel_requested());
  };
  ContentConsumer consumer(vault, importing, r.report);
  bundle::BundleReader reader(*identity, std::move(read));
  auto opened = reader.open(in, consumer);
  ImportResult result;
  if (!opened) {
    if (importing && opened.error().code == bundle::BundleError::already_imported) {
      result.report = std::move(r.report);
      result.already_imported = true;
      return result;
    }
    return read_failure(opened.error(), consumer, r.report, r.lookup_failure);
  }
  if (auto f = consumer.finish(); !f) return unexpected(f.error());
  result.report = std::move(r.report);
  result.already_imported = false;
  result.records_written = consumer.records_written();
  result.records_unchanged = consumer.records_unchanged();
  result.attachments = consumer.attachments_received();
  return result;
}

}  // namespace

ExchangeResult<BundleReport> verify_bundle_from(storage::Vault& vault, base::ByteSource& bundle,
                                                const ImportOptions& options, const storage::OperationHooks& hooks) {
  auto r = run(vault, bundle, options, hooks, false);
  if (!r) return unexpected(r.error());
  return std::move(r->report);
}

ExchangeResult<ImportResult> import_bundle_from(storage::Vault& vault, base::ByteSource& bundle,
                                                const ImportOptions& options, const storage::OperationHooks& hooks) {
  return run(vault, bundle, options, hooks, true);
}

ExchangeResult<BundleReport> verify_bundle(storage::Vault& vault, const std::filesystem::path& bundle,
                                           const ImportOptions& options, const storage::OperationHooks& hooks) {
  auto in = base::FileSource::open(bundle);
  if (!in) return from_file(in.error(), "bundle file");
  return verify_bundle_from(vault, *in, options, hooks);
}

ExchangeResult<ImportResult> import_bundle(storage::Vault& vault, const std::filesystem::path& bundle,
                                           const ImportOptions& options, const storage::OperationHooks& hooks) {
  auto in = base::FileSource::open(bundle);
  if (!in) return from_file(in.error(), "bundle file");
  return import_bundle_from(vault, *in, options, hooks);
}

}  // namespace safehold::core::exchange
