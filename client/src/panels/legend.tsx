import { useI18n } from '../i18n';
import {
  PYLON_STYLE,
  SITE_RADIUS_BY_LOAD,
  STATUS_ENTRIES,
  VOLTAGE_CLASSES,
  type StatusEntry,
  type VoltageClass,
} from '../map/palette';

const SIZE_SAMPLES = SITE_RADIUS_BY_LOAD.slice(1);
const SIZE_BOX = 2 * Math.max(...SIZE_SAMPLES.map(([, r]) => r)) + 2;

/** A site's dot: its status colour, and the dark outline of an illegal status. */
function StatusSwatch({ entry: { color, stroke } }: { entry: StatusEntry }) {
  return (
    <svg width="18" height="18" aria-hidden="true">
      <circle cx="9" cy="9" r="6" fill={color} stroke={stroke.color} strokeWidth={stroke.width} />
    </svg>
  );
}

/** A voltage class: its line, then its substation square. */
function VoltageSwatch({ voltage: c }: { voltage: VoltageClass }) {
  return (
    <svg width="44" height="18" aria-hidden="true">
      <line
        x1="2"
        y1="9"
        x2="24"
        y2="9"
        stroke={c.color}
        strokeWidth={c.lineWidth * 1.5}
        strokeLinecap="round"
      />
      <rect
        x={36 - c.substationSize / 2}
        y={9 - c.substationSize / 2}
        width={c.substationSize}
        height={c.substationSize}
        fill={c.color}
        stroke="#fff"
      />
    </svg>
  );
}

function PylonSwatch() {
  return (
    <svg width="44" height="18" aria-hidden="true">
      <circle cx="13" cy="9" r="3" fill={PYLON_STYLE.fill} stroke={PYLON_STYLE.stroke} />
    </svg>
  );
}

/** The statuses with their dots; `className` adds to the list's (the printed report lays it in columns). */
export function StatusLegend({ className = '' }: { className?: string }) {
  const { t } = useI18n();
  return (
    <>
      <h3 className="legend__heading">{t.siteStatus}</h3>
      <ul className={`legend__list ${className}`.trim()}>
        {STATUS_ENTRIES.map((entry) => (
          <li key={entry.status} className="legend__row" data-status={entry.status}>
            <StatusSwatch entry={entry} />
            {t.statuses[entry.status]}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The voltage classes with their line and substation swatches, and the pylons. */
export function VoltageLegend() {
  const { t } = useI18n();
  return (
    <>
      <h3 className="legend__heading">
        {t.voltage} — {t.lineLegend} / {t.substationLegend}
      </h3>
      <ul className="legend__list">
        {VOLTAGE_CLASSES.map((c) => (
          <li key={c.kv} className="legend__row" data-kv={c.kv}>
            <VoltageSwatch voltage={c} />
            {c.kv} {t.units.kv}
          </li>
        ))}
        <li className="legend__row">
          <PylonSwatch />
          {t.layerNames.pylons}
        </li>
      </ul>
    </>
  );
}

/** The legend, drawn from the same palette as the map's style. */
export function Legend() {
  const { t } = useI18n();
  return (
    <section className="panel-section" data-testid="legend" aria-labelledby="legend-title">
      <h2 id="legend-title" className="panel-section__title">
        {t.legend}
      </h2>
      <StatusLegend />
      <p className="legend__note">{t.illegalNote}</p>
      <p className="legend__note">{t.sizeByLoad}</p>
      <ul className="legend__sizes">
        {SIZE_SAMPLES.map(([mw, r]) => (
          <li key={mw}>
            <svg width={SIZE_BOX} height={SIZE_BOX} aria-hidden="true">
              <circle cx={SIZE_BOX / 2} cy={SIZE_BOX - r - 1} r={r} fill="none" stroke="#555" />
            </svg>
            {mw}
          </li>
        ))}
      </ul>
      <p className="legend__note">{t.clusterNote}</p>

      <VoltageLegend />
    </section>
  );
}
