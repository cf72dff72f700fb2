import Notifications
import Testing

@Suite("Notification vocabulary")
struct SeverityTests {
    @Test func severitiesOrderByUrgency() {
        #expect(NotificationSeverity.info < .warning)
        #expect(NotificationSeverity.warning < .critical)
        #expect(NotificationSeverity.allCases.max() == .critical)
    }
}
