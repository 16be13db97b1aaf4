import PDFDocument from 'pdfkit';
import type { ReportOut } from '@gridwatch/contract';

/**
 * The frozen report as a PDF (docs/reports.md, "The PDF"): written on the server, so that the file a utility
 * hands in and the regulator files is the stored statement itself, with its SHA-256, whatever browser asks for
 * it (the client's printable report is a print page of the browser: it is not a file the server can stand
 * behind). One CJK font for every line: WenQuanYi Micro Hei holds Latin and Chinese, so a zh narrative renders.
 */
export const REPORT_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const FONT_NAME = 'WenQuanYiMicroHei';

const figureLines = (f: ReportOut['content']['figures']) => [
  `Sites found 发现: ${f.found}`,
  `Shut down 已关停: ${f.shutDown}`,
  `Licensed after 后补许可: ${f.licensedAfter}`,
  `Load removed 已削减负荷: ${f.loadRemovedMw} MW`,
  `Load still drawing 仍在用电负荷: ${f.loadStillDrawingMw} MW`,
];

export function reportPdf(report: ReportOut, font = REPORT_FONT): Promise<Buffer> {
  const { content } = report;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: {
      Title: `${report.utilityName} — report ${report.period}, revision ${report.revision}`,
      Subject: `SHA-256 ${report.sha256 ?? ''}`,
      Creator: 'gridwatch',
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font, FONT_NAME);
  doc.font('cjk');
  const heading = (text: string) => doc.moveDown(0.6).fontSize(13).text(text).fontSize(10);

  doc.fontSize(16).text(`${report.utilityName} ${report.utilityNameZh}`);
  doc.fontSize(12).text(`Periodic report 定期报告 ${report.period} (${content.from} – ${content.to})`);
  doc.fontSize(10);
  doc.text(`Revision 版本 ${report.revision} · ${report.state}`);
  doc.text(`Figures as of 数据截至 ${content.asOf}`);
  doc.text(`Submitted 提交 ${report.submittedAt ?? '-'} by ${report.submittedBy ?? '-'}`);
  if (report.reviewedAt) {
    doc.text(`Reviewed 审核 ${report.reviewedAt} by ${report.reviewedBy ?? '-'}`);
    if (report.reviewComment) doc.text(`Comment 意见: ${report.reviewComment}`);
  }
  doc.moveDown(0.4).text('SHA-256 of the submitted content (canonical JSON, RFC 8785) 提交内容的哈希:');
  doc
    .fontSize(9)
    .text(report.sha256 ?? '')
    .fontSize(10);

  heading('Figures 数字');
  for (const line of figureLines(content.figures)) doc.text(line);

  heading(`Sites found 发现的矿场 (${content.sites.length})`);
  for (const s of content.sites) doc.text(`#${s.siteId}  ${s.status}  ${s.standing}  ${s.loadMw} MW`);

  heading(`Status changes in the period 期间状态变更 (${content.changes.length})`);
  for (const c of content.changes) {
    doc.text(`${c.at}  #${c.siteId}  ${c.from ?? '-'} → ${c.to}  ${c.by}: ${c.note}`);
  }

  heading('Narrative 说明');
  doc.text(content.narrative === '' ? '-' : content.narrative);

  heading(`Attachments 附件 (${content.attachments.length})`);
  for (const hash of content.attachments) {
    const file = report.attachments.find((a) => a.sha256 === hash);
    doc.fontSize(9).text(`${hash}  ${file?.displayName ?? ''}`);
  }
  doc.end();
  return done;
}
