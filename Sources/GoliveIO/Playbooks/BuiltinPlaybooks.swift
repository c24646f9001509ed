/// The playbooks that ship inside the binary, so golive works out of the box from any
/// folder. They are ordinary playbook YAML: `golive playbook show NAME` prints them, and a
/// copy in the user's playbook folder can replace one.
enum BuiltinPlaybooks {
    static let files: [(String, String)] = [
        ("enterprise-high-touch.yaml", enterprise),
        ("smb-tech-touch.yaml", smb),
    ]

    static let enterprise = """
        name: enterprise-high-touch
        title: Enterprise high-touch onboarding
        summary: >-
          A named CSM leads the customer from the signed contract to go-live: a formal
          handoff from Sales, a kickoff with the customer's sponsor, integration and SSO set-up,
          training and validation, a signed-off go-live and a transition to the success team.
        thresholds:
          amber_window_days: 3
          no_activity_days: 7
          customer_overdue_days: 5
          approval_pending_days: 5
          customer_wait_days: 5
        stages:
          - key: handoff
            name: Handoff
            sla: {enterprise: 5, mid-market: 4, smb: 3}
          - key: intake
            name: Intake
            sla: {enterprise: 7, mid-market: 5, smb: 3}
          - key: kickoff
            name: Kickoff
            sla: {enterprise: 7, mid-market: 5, smb: 3}
          - key: setup
            name: Setup
            sla: {enterprise: 21, mid-market: 14, smb: 7}
          - key: validation
            name: Validation
            sla: {enterprise: 14, mid-market: 10, smb: 5}
          - key: go-live
            name: Go-live
            sla: {enterprise: 7, mid-market: 5, smb: 3}
          - key: transition
            name: Transition to success
            sla: {enterprise: 14, mid-market: 10, smb: 7}
        checkpoints:
          - {key: handoff-complete, name: Handoff complete, stage: handoff, due: 5}
          - {key: intake-complete, name: Intake complete, stage: intake, due: 12}
          - {key: kickoff-held, name: Kickoff held, stage: kickoff, due: 19, customer_confirms: true}
          - {key: access-provisioned, name: Access provisioned, stage: setup, due: 28}
          - {key: integration-live, name: Integration live, stage: setup, due: 40, customer_confirms: true}
          - {key: training-complete, name: Training complete, stage: validation, due: 48}
          - {key: first-value, name: First value achieved, stage: validation, due: 54, customer_confirms: true,
             milestone: first_value}
          - {key: go-live, name: Go-live, stage: go-live, due: 61, customer_confirms: true, milestone: go_live}
          - {key: transition-complete, name: Transition to success, stage: transition, due: 75}
        tasks:
          - {key: handoff-meeting, title: Sales-to-CS handoff meeting, lane: internal, owner: sales, due: 2,
             checkpoint: handoff-complete}
          - {key: handoff-record, title: "Record goals, requirements and promises", lane: internal, owner: csm, due: 4,
             checkpoint: handoff-complete, depends_on: [handoff-meeting]}
          - {key: welcome, title: Send welcome pack, lane: internal, owner: csm, due: 1, checkpoint: intake-complete}
          - {key: intake-form, title: Complete intake questionnaire, lane: customer, owner: champion, due: 9,
             checkpoint: intake-complete, depends_on: [welcome]}
          - {key: success-plan, title: Draft success plan, lane: internal, owner: csm, due: 11,
             checkpoint: intake-complete, depends_on: [handoff-record]}
          - {key: kickoff-agenda, title: Prepare kickoff agenda, lane: internal, owner: csm, due: 15,
             checkpoint: kickoff-held, depends_on: [success-plan]}
          - {key: sponsor-attend, title: Confirm executive sponsor attends, lane: customer, owner: exec_sponsor,
             due: 16, checkpoint: kickoff-held}
          - {key: plan-signoff, title: Success plan sign-off, lane: approval, owner: exec_sponsor, due: 19,
             checkpoint: kickoff-held, depends_on: [kickoff-agenda]}
          - {key: tenant, title: Provision tenant and admin accounts, lane: internal, owner: implementation, due: 22,
             checkpoint: access-provisioned}
          - {key: sso-metadata, title: Share SSO metadata, lane: customer, owner: it, due: 24,
             checkpoint: access-provisioned}
          - {key: security-review, title: Security review, lane: approval, owner: security, due: 27,
             checkpoint: access-provisioned}
          - {key: data-export, title: Share sample data export, lane: customer, owner: it, due: 30,
             checkpoint: integration-live}
          - {key: configure, title: Configure workspace and roles, lane: internal, owner: implementation, due: 32,
             checkpoint: integration-live, depends_on: [tenant]}
          - {key: integration, title: Build and test integration, lane: internal, owner: solutions_engineer, due: 38,
             checkpoint: integration-live, depends_on: [configure, data-export]}
          - {key: admin-training, title: Admin training session, lane: internal, owner: trainer, due: 44,
             checkpoint: training-complete, depends_on: [integration]}
          - {key: attend-training, title: Admins attend training, lane: customer, owner: admin, due: 46,
             checkpoint: training-complete}
          - {key: uat, title: User acceptance testing, lane: customer, owner: champion, due: 50,
             checkpoint: first-value, depends_on: [attend-training]}
          - {key: first-report, title: Deliver first value report, lane: internal, owner: csm, due: 53,
             checkpoint: first-value, depends_on: [uat]}
          - {key: cutover-plan, title: Cut-over plan, lane: internal, owner: implementation, due: 56,
             checkpoint: go-live}
          - {key: golive-signoff, title: Go-live sign-off, lane: approval, owner: exec_sponsor, due: 59,
             checkpoint: go-live, depends_on: [cutover-plan]}
          - {key: success-review, title: Transition review with success team, lane: internal, owner: cs_lead, due: 70,
             checkpoint: transition-complete}
          - {key: transition-signoff, title: Onboarding close-out sign-off, lane: approval, owner: cs_lead, due: 74,
             checkpoint: transition-complete, depends_on: [success-review]}
        touchpoints:
          - {day: 0, audience: champion, channel: email, objective: welcome}
          - {day: 14, audience: sponsor and champion, channel: video call, objective: kickoff}
          - {day: 21, audience: champion, channel: call, objective: weekly check-in}
          - {day: 28, audience: champion, channel: call, objective: weekly check-in}
          - {day: 35, audience: champion and IT, channel: call, objective: weekly check-in}
          - {day: 42, audience: sponsor, channel: video call, objective: milestone review (integration)}
          - {day: 55, audience: sponsor, channel: video call, objective: milestone review (first value)}
          - {day: 72, audience: sponsor and success team, channel: video call, objective: transition review}
        """

    static let smb = """
        name: smb-tech-touch
        title: SMB tech-touch onboarding
        summary: >-
          A pooled CSM guides many small customers through a short, mostly self-serve path:
          a welcome sequence, a group kickoff webinar, guided set-up, first value within two
          weeks, and go-live within a month.
        thresholds:
          amber_window_days: 2
          no_activity_days: 7
          customer_overdue_days: 5
          approval_pending_days: 3
          customer_wait_days: 4
        stages:
          - {key: handoff, name: Handoff, sla: 2}
          - {key: intake, name: Intake, sla: 3}
          - {key: kickoff, name: Kickoff, sla: 3}
          - {key: setup, name: Setup, sla: {enterprise: 10, mid-market: 7, smb: 5}}
          - {key: validation, name: Validation, sla: {enterprise: 7, mid-market: 5, smb: 4}}
          - {key: go-live, name: Go-live, sla: 3}
          - {key: transition, name: Transition to success, sla: 7}
        checkpoints:
          - {key: handoff-complete, name: Handoff complete, stage: handoff, due: 2}
          - {key: intake-complete, name: Intake complete, stage: intake, due: 5}
          - {key: kickoff-held, name: Kickoff webinar attended, stage: kickoff, due: 8}
          - {key: account-configured, name: Account configured, stage: setup, due: 13}
          - {key: first-value, name: First value achieved, stage: validation, due: 17, customer_confirms: true,
             milestone: first_value}
          - {key: go-live, name: Go-live, stage: go-live, due: 21, milestone: go_live}
          - {key: transition-complete, name: Transition to success, stage: transition, due: 30}
        tasks:
          - {key: handoff-notes, title: Review handoff notes, lane: internal, owner: csm, due: 1,
             checkpoint: handoff-complete}
          - {key: welcome, title: Send welcome sequence, lane: internal, owner: csm, due: 2,
             checkpoint: intake-complete}
          - {key: intake-form, title: Fill in the setup form, lane: customer, owner: admin, due: 5,
             checkpoint: intake-complete, depends_on: [welcome]}
          - {key: webinar, title: Attend kickoff webinar, lane: customer, owner: admin, due: 8,
             checkpoint: kickoff-held}
          - {key: import-data, title: Import contacts and data, lane: customer, owner: admin, due: 11,
             checkpoint: account-configured, depends_on: [intake-form]}
          - {key: review-config, title: Review configuration, lane: internal, owner: csm, due: 13,
             checkpoint: account-configured, depends_on: [import-data]}
          - {key: first-workflow, title: Run the first workflow, lane: customer, owner: admin, due: 16,
             checkpoint: first-value, depends_on: [import-data]}
          - {key: health-check, title: Health check call, lane: internal, owner: csm, due: 17, checkpoint: first-value}
          - {key: golive-approval, title: Go-live approval, lane: approval, owner: admin, due: 20, checkpoint: go-live,
             depends_on: [first-workflow]}
          - {key: handover, title: Hand over to the success pool, lane: internal, owner: csm, due: 29,
             checkpoint: transition-complete}
        touchpoints:
          - {day: 0, audience: admin, channel: email, objective: welcome}
          - {day: 3, audience: admin, channel: email, objective: setup guide}
          - {day: 7, audience: admins, channel: webinar, objective: kickoff}
          - {day: 14, audience: admin, channel: in-app, objective: check-in}
          - {day: 21, audience: admin, channel: email, objective: milestone review (go-live)}
        """
}
