/*
 * Each lazily loaded page's code, by the route that shows it. The app shell draws pages from here, and
 * on start it fetches the code of the page the app opened at while the workspace is read, not after.
 */
import type { Component } from 'svelte';
import type { Route } from '../../state/router.svelte';

// Pages differ in their props; each call site passes the props its page declares.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type PageCode = () => Promise<{ default: Component<any> }>;

export const PAGES = {
  'my-work': () => import('../my-work/MyWorkPage.svelte'),
  frameworks: () => import('../frameworks/FrameworksPage.svelte'),
  framework: () => import('../frameworks/FrameworkDetailPage.svelte'),
  cycle: () => import('../self-assessment/CycleOverviewPage.svelte'),
  'cycle-changes': () => import('../self-assessment/ChangesPage.svelte'),
  criterion: () => import('../self-assessment/CriterionPage.svelte'),
  judgement: () => import('../self-assessment/JudgementPage.svelte'),
  evidence: () => import('../registers/evidence/EvidenceRegisterPage.svelte'),
  'evidence-item': () => import('../registers/evidence/EvidenceItemPage.svelte'),
  actions: () => import('../registers/actions/ActionsPage.svelte'),
  action: () => import('../registers/actions/ActionPage.svelte'),
  recommendations: () => import('../registers/recommendations/RecommendationsPage.svelte'),
  recommendation: () => import('../registers/recommendations/RecommendationPage.svelte'),
  'read-report': () => import('../reports-in/ReadReportPage.svelte'),
  scorecard: () => import('../scorecard/ScorecardPage.svelte'),
  indicator: () => import('../scorecard/IndicatorPage.svelte'),
  'case-audits': () => import('../case-audits/CaseAuditsPage.svelte'),
  'audit-round': () => import('../case-audits/AuditRoundPage.svelte'),
  'case-audit': () => import('../case-audits/CaseAuditPage.svelte'),
  moderation: () => import('../case-audits/ModerationPage.svelte'),
  'audit-findings': () => import('../case-audits/AuditFindingsPage.svelte'),
  settings: () => import('../settings/SettingsPage.svelte'),
  accessibility: () => import('../shell/AccessibilityPage.svelte'),
  rehearsal: () => import('../rehearsal/RehearsalPage.svelte'),
  'rehearsal-session': () => import('../rehearsal/RehearsalSessionPage.svelte'),
  'notification-week': () => import('../rehearsal/NotificationWeekPage.svelte'),
  'engagement-pack': () => import('../rehearsal/EngagementPackPage.svelte'),
} satisfies Partial<Record<Route['name'], PageCode>>;

/** Starts fetching the code of the route's page, if it has its own, so drawing it later waits less. */
export function preloadPage(route: Route): void {
  const code: PageCode | undefined = (PAGES as Partial<Record<Route['name'], PageCode>>)[route.name];
  // A failure shows when the page itself loads, with its message.
  void code?.().catch(() => undefined);
}
