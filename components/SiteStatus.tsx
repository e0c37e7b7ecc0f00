/**
 * Whether Feedlens is reading a site, paused there (its layout not recognized), or idle, and
 * whether hiding there had to fall back to the safe rule; with "Copy report" for a bug report. The
 * popup shows the current site (live from its tab), the settings page every site (as last heard).
 */
import { useState } from 'preact/hooks';
import type { HealthBySite, SiteHealth } from '@/lib/background/status-store';
import type { HidingFallback, ReaderDiagnostic, ReaderStatus } from '@/lib/messages/page-store';
import type { PlatformId } from '@/lib/model';
import { fallbackWords, siteReport, statusWords, type ReportInput } from '@/lib/ui/site-status';
import { formatDateTime } from '@/lib/ui/format';
import { t } from '@/lib/ui/i18n';
import { Notice } from './Notice';

/** Puts the report on the clipboard; where the browser refuses, shows it to copy by hand. */
export function CopyReportButton(props: { report: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () =>
    navigator.clipboard.writeText(props.report).then(
      () => setState('copied'),
      () => setState('failed'),
    );
  return (
    <span class="copy-report">
      <button type="button" class="button" onClick={() => void copy()}>
        {t('prefs.status.copy')}
      </button>
      {state === 'copied' && <span role="status"> {t('prefs.status.copied')}</span>}
      {state === 'failed' && (
        <textarea
          class="report-text"
          readOnly
          rows={6}
          aria-label={t('prefs.status.reportLabel')}
          value={props.report}
        />
      )}
    </span>
  );
}

export interface SiteStatusProps {
  siteName: string;
  status: ReaderStatus;
  diagnostic?: ReaderDiagnostic;
  hidingFallback?: HidingFallback & { at: number };
  /** Feedlens's version and the browser, for the report. */
  version: string;
  browser: string;
}

const reportOf = (props: SiteStatusProps): string => {
  const input: ReportInput = {
    site: props.siteName,
    status: props.status,
    version: props.version,
    browser: props.browser,
  };
  if (props.diagnostic) input.diagnostic = props.diagnostic;
  if (props.hidingFallback) input.hidingFallback = props.hidingFallback;
  return siteReport(input);
};

/** The popup's line about the current site: a warning when paused or when hiding fell back. */
export function SiteStatus(props: SiteStatusProps) {
  const words = statusWords(props.status, props.diagnostic);
  const report = reportOf(props);
  return (
    <div class="site-status" data-status={props.status}>
      {props.status === 'paused' ? (
        <Notice kind="warning" title={t('prefs.status.pausedTitle', { site: props.siteName })}>
          {words.detail} <CopyReportButton report={report} />
        </Notice>
      ) : (
        <p class="status-line" role="status">
          <span class={`status-dot status-${props.status}`} aria-hidden="true" /> {words.label}: {words.detail}
        </p>
      )}
      {props.hidingFallback && (
        <Notice kind="info" title={t('prefs.status.fallbackTitle')}>
          {fallbackWords(props.hidingFallback)} {props.status !== 'paused' && <CopyReportButton report={report} />}
        </Notice>
      )}
    </div>
  );
}

/** The settings page's table: every site, as the background last heard from it. */
export function SiteStatusList(props: {
  sites: readonly { id: PlatformId; name: string }[];
  health: HealthBySite;
  version: string;
  browser: string;
}) {
  return (
    <table class="site-status-list">
      <thead>
        <tr>
          <th scope="col">{t('options.accounts.site')}</th>
          <th scope="col">{t('prefs.status.status')}</th>
          <th scope="col">{t('prefs.status.details')}</th>
        </tr>
      </thead>
      <tbody>
        {props.sites.map((site) => {
          const health: SiteHealth | undefined = props.health[site.id];
          const status = health?.status ?? 'idle';
          const words = statusWords(status, health?.diagnostic);
          const needsReport = status === 'paused' || !!health?.hidingFallback;
          const report = reportOf({
            siteName: site.name,
            status,
            version: props.version,
            browser: props.browser,
            ...(health?.diagnostic ? { diagnostic: health.diagnostic } : {}),
            ...(health?.hidingFallback ? { hidingFallback: health.hidingFallback } : {}),
          });
          return (
            <tr key={site.id} data-site={site.id} data-status={status}>
              <th scope="row">{site.name}</th>
              <td>
                <span class={`status-dot status-${status}`} aria-hidden="true" /> {words.label}
              </td>
              <td>
                {health ? words.detail : t('prefs.status.notVisited')}
                {health && <span class="muted"> {t('prefs.status.asOf', { time: formatDateTime(health.at) })}</span>}
                {health?.hidingFallback && <p>{fallbackWords(health.hidingFallback)}</p>}
                {needsReport && <CopyReportButton report={report} />}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
