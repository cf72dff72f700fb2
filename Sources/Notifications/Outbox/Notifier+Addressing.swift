import DepotModel
import Foundation
import Storage

extension Notifier {
    /// One entry per step and concrete recipient: the group's email addresses, its phone numbers,
    /// or every webhook that selects the incident's kind. Steps that reach nobody are returned
    /// with the reason.
    func outboxEntries(
        for incident: IncidentKey, tenant: TenantID?, steps: [EscalationStep], at instant: Date
    )
        -> (entries: [OutboxEntryRecord], unaddressed: [String])
    {
        var entries: [OutboxEntryRecord] = []
        var unaddressed: [String] = []
        for (index, step) in steps.enumerated() {
            let recipients: [String]
            switch recipientsOf(step, kind: incident.kind, tenant: tenant) {
            case .success(let found): recipients = found
            case .failure(let reason):
                unaddressed.append("step \(index + 1) (\(step.channel.rawValue) to \(step.recipientGroup)): \(reason.text)")
                continue
            }
            let due = instant.addingTimeInterval(max(step.delay.secondsValue, 0))
            for recipient in recipients {
                entries.append(
                    OutboxEntryRecord(
                        id: UUID().uuidString, depotID: depot.id.rawValue, tenantID: tenant?.rawValue, eventKind: incident.kind,
                        incidentKey: incident.text, stepIndex: index, channel: step.channel.rawValue, recipient: recipient,
                        severity: step.severity.rawValue, subject: subject(of: step, incident: incident), text: step.text, dueAt: due,
                        firstDueAt: due, repeatSeconds: step.repeatSeconds))
            }
        }
        return (entries, unaddressed)
    }

    /// The transport an entry goes through, if the depot configures its channel.
    func transport(for entry: OutboxEntryRecord) -> (any NotificationTransport)? {
        NotificationChannel(rawValue: entry.channel).flatMap { transports[$0] }
    }

    /// The message an entry stands for, as sent at `instant`; nil if the row holds an unknown code.
    func message(for entry: OutboxEntryRecord, at instant: Date) -> OutgoingNotification? {
        guard let channel = NotificationChannel(rawValue: entry.channel), let severity = NotificationSeverity(rawValue: entry.severity) else {
            return nil
        }
        return OutgoingNotification(
            id: entry.id, depot: depot.id, tenant: entry.tenantID.map { TenantID($0) }, kind: entry.eventKind, incidentKey: entry.incidentKey,
            channel: channel, recipient: entry.recipient, severity: severity, subject: entry.subject, text: entry.text, attemptAt: instant)
    }

    private struct Unaddressable: Error {
        let text: String
    }

    private func recipientsOf(_ step: EscalationStep, kind: String, tenant: TenantID?) -> Result<[String], Unaddressable> {
        guard transports[step.channel] != nil else {
            return .failure(Unaddressable(text: "the depot configures no \(step.channel.rawValue) channel"))
        }
        if step.channel == .webhook {
            let urls = depot.notifications.webhooks.filter { $0.events.contains("*") || $0.events.contains(kind) }.map(\.url)
            return urls.isEmpty ? .failure(Unaddressable(text: "no webhook selects \(kind)")) : .success(urls)
        }
        guard let group = recipientGroup(named: step.recipientGroup, tenant: tenant) else {
            return .failure(Unaddressable(text: "no such recipient group"))
        }
        let recipients = step.channel == .email ? group.emails : group.phoneNumbers
        return recipients.isEmpty
            ? .failure(Unaddressable(text: "the group has no \(step.channel == .email ? "email addresses" : "phone numbers")")) : .success(recipients)
    }

    /// The tenant's group of that name; for depot-wide incidents the first tenant's group of that
    /// name, in depot file order. A tenant's incident never reaches another tenant's people.
    private func recipientGroup(named name: String, tenant: TenantID?) -> RecipientGroup? {
        let tenants = tenant.map { id in depot.tenants.filter { $0.id == id } } ?? depot.tenants
        return tenants.lazy.flatMap(\.recipients).first { $0.name == name }
    }

    private func subject(of step: EscalationStep, incident: IncidentKey) -> String {
        let oneLine = step.text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        return "[\(step.severity.rawValue.uppercased())] \(depot.id) \(incident.kind): \(oneLine.prefix(120))"
    }
}
