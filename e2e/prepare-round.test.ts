// Issue 3 end to end in Chromium against the real server: set up the administrator, create a round, import units and
// people (CSV), build a conference (exclusions, an override with its reason, participants), a voter asks a question,
// the office forwards it, the person voted on answers; screenshots of each screen in test-results/e2e.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  collectErrors,
  fixtureFile,
  launchChromium,
  newPerson,
  shot,
  startServer,
  type E2eServer,
} from './harness.js';

const UNITS_CSV = `Mã đơn vị,Tên đơn vị,Mã đơn vị cấp trên,Loại
MC-UB,Ủy ban nhân dân thành phố Móng Cái,,peoples-committee
MC-NV,Phòng Nội vụ thành phố Móng Cái,MC-UB,agency
`;

/** Đỗ Văn Tuấn took his position in the vote's year: he is proposed for exclusion (rules.md §3.3). */
function personsCsv(year: number): string {
  return `Mã cán bộ,Họ và tên,Giới tính,Năm sinh,Mã đơn vị,Chức vụ,Ngày nhận chức,Đã có thông báo nghỉ hưu
CB01,Nguyễn Thu Hương,Nữ,1978,MC-UB,Phó Chủ tịch UBND thành phố,15/3/2021,
CB02,Nguyễn Phúc Vinh,Nam,1980,MC-UB,Phó Chủ tịch UBND thành phố,02/06/2020,
CB03,Đỗ Văn Tuấn,Nam,1975,MC-UB,Phó Chủ tịch Thường trực UBND thành phố,1/1/${year},
CB04,Hoàng Anh Tuất,Nam,1966,MC-NV,Trưởng phòng Nội vụ,1/1/2019,x
`;
}

const PARTICIPANTS_CSV = `Họ và tên,Đơn vị công tác,Chức vụ
Phạm Văn Hoan,Văn phòng HĐND - UBND thành phố,Chánh Văn phòng
Hoàng Anh Tuất,Phòng Nội vụ,Trưởng phòng
Lê Thị Ngọc Ánh,Phòng Tài chính - Kế hoạch,Trưởng phòng
Trần Đức Hiếu,Phòng Quản lý đô thị,Phó Trưởng phòng
Vũ Thị Thủy,Phường Ka Long,Chủ tịch UBND phường
Đặng Quốc Khánh,Xã Hải Xuân,Bí thư Đảng ủy
`;

/** A minimal valid PDF (the server checks the "%PDF-" signature). */
const REPORT_PDF = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
trailer << /Root 1 0 R >>
%%EOF
`;

const ADMIN = {
  username: 'quantri',
  password: 'mật-khẩu-đủ-dài-2026',
  name: 'Nguyễn Văn Quản Trị',
};

function inDays(days: number): { iso: string; vi: string } {
  const d = new Date(Date.now() + days * 86_400_000);
  return {
    iso: d.toISOString().slice(0, 10),
    vi: `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`,
  };
}

async function login(page: Page, url: string, username: string, password: string) {
  await page.goto(`${url}/login`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
}

describe('issue 3: prepare a round and a conference in Chromium', () => {
  let server: E2eServer;
  let browser: Browser;
  const started = Date.now();

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    console.log(`e2e prepare-round: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });

  it('runs the scenario from first start to an answered question', async () => {
    // 40 days ahead: every preparation deadline (20/15/10/3 days before) is still open.
    const conferenceDate = inDays(40);
    const year = Number(conferenceDate.iso.slice(0, 4));
    const { page } = await newPerson(browser);
    const errors = collectErrors(page);
    try {
      await scenario(page, errors, year, conferenceDate);
    } catch (e) {
      // The screen at the moment of failure, next to the other artefacts.
      await shot(page, 'failure-office').catch(() => undefined);
      throw e;
    }
  }, 240_000);

  async function scenario(
    page: Page,
    errors: string[],
    year: number,
    conferenceDate: { vi: string },
  ) {
    // 1. First start: the setup link creates the administrator; forms validate as one types.
    await page.goto(server.setupUrl);
    await page.getByRole('heading', { name: 'Thiết lập lần đầu' }).waitFor();
    await page.getByLabel('Tên đăng nhập').fill('Quản Trị');
    await page.getByText('Tên đăng nhập gồm 3–64 ký tự').waitFor();
    await page.getByLabel('Tên đăng nhập').fill(ADMIN.username);
    await page.getByLabel('Họ và tên').fill(ADMIN.name);
    await page.getByLabel('Mật khẩu', { exact: true }).fill('ngắn');
    await page.getByText('Mật khẩu cần ít nhất 10 ký tự.').waitFor();
    await page.getByLabel('Mật khẩu', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Nhập lại mật khẩu').fill(ADMIN.password);
    await shot(page, '01-setup');
    await page.getByRole('button', { name: 'Tạo tài khoản quản trị' }).click();
    await page.getByRole('button', { name: 'Tải dữ liệu mẫu' }).waitFor();
    expect(page.url()).not.toContain('token=');
    await shot(page, '02-setup-done');
    await page.getByRole('button', { name: 'Trang chủ' }).click();
    await page.getByText(`Xin chào, ${ADMIN.name}.`).waitFor();

    // 2. Units: a root unit by hand, two below it from CSV with progress.
    await page.getByRole('navigation').getByRole('link', { name: 'Đơn vị' }).click();
    await page.getByRole('heading', { name: 'Đơn vị', exact: true }).waitFor();
    const unitForm = page.getByTestId('unit-form');
    await unitForm.getByLabel('Mã', { exact: true }).fill('MC');
    await unitForm.getByLabel('Tên', { exact: true }).fill('Thành ủy Móng Cái');
    await unitForm.getByRole('button', { name: 'Tạo mới' }).click();
    await page.getByTestId('unit-tree').getByText('Thành ủy Móng Cái').waitFor();
    await page
      .getByTestId('units-import')
      .locator('input[type=file]')
      .setInputFiles(fixtureFile('don-vi.csv', UNITS_CSV));
    await page.getByTestId('units-import').getByRole('button', { name: 'Nhập' }).click();
    await page.getByText('Đã nhập 2 dòng: 2 mới, 0 cập nhật.').waitFor();
    await page.getByTestId('unit-tree').getByText('Phòng Nội vụ thành phố Móng Cái').waitFor();
    await shot(page, '03-units');

    // 3. A round: plan "277-KH/TU ngày 28/7/2023", default deadlines, the unit taking part.
    await page.getByRole('navigation').getByRole('link', { name: 'Đợt lấy phiếu' }).click();
    await page.getByRole('link', { name: 'Tạo đợt lấy phiếu' }).click();
    const roundForm = page.getByTestId('round-form');
    await roundForm
      .getByLabel('Nộp báo cáo cho cơ quan tổ chức')
      .and(page.locator('input'))
      .waitFor();
    expect(await roundForm.getByLabel('Nộp báo cáo cho cơ quan tổ chức').inputValue()).toBe('20');
    expect(await roundForm.getByLabel('Trả lời ý kiến').inputValue()).toBe('3');
    await roundForm.getByLabel('Số kế hoạch').fill('277-KH/TU');
    await roundForm.getByLabel('Ngày ban hành').fill('31/2/2023');
    await roundForm.getByText('Ngày không hợp lệ (dd/mm/yyyy).').waitFor();
    await roundForm.getByLabel('Ngày ban hành').fill('28/7/2023');
    await roundForm.getByLabel('Cơ quan ban hành').fill('Ban Thường vụ Thành ủy');
    await roundForm.getByLabel('Tên đợt').fill('Lấy phiếu tín nhiệm giữa nhiệm kỳ 2020–2025');
    await roundForm.getByLabel('Năm lấy phiếu').fill(String(year));
    await roundForm.getByRole('button', { name: 'Lưu' }).click();
    await roundForm.getByText('Chọn ít nhất một đơn vị tham gia.').waitFor();
    await roundForm.getByLabel('Thành ủy Móng Cái').check();
    await shot(page, '04-round-form');
    await roundForm.getByRole('button', { name: 'Lưu' }).click();
    await page
      .getByRole('heading', { name: 'Lấy phiếu tín nhiệm giữa nhiệm kỳ 2020–2025' })
      .waitFor();
    expect(await page.getByTestId('round-plan').textContent()).toContain(
      '277-KH/TU ngày 28/7/2023',
    );
    const roundUrl = page.url();

    // 4. Persons and positions from CSV.
    await page.getByRole('navigation').getByRole('link', { name: 'Cán bộ và chức vụ' }).click();
    // A bad file is refused whole, and every bad row is listed for the office to correct.
    await page
      .getByTestId('persons-import')
      .locator('input[type=file]')
      .setInputFiles(
        fixtureFile(
          'sai.csv',
          'Họ và tên,Mã đơn vị,Chức vụ,Ngày nhận chức\nNguyễn Văn A,MC-UB,Phó Chủ tịch,32/13/2020\n',
        ),
      );
    await page.getByTestId('persons-import').getByRole('button', { name: 'Nhập' }).click();
    await page.getByTestId('import-problems').getByText('Dòng 2').waitFor();
    await shot(page, '05a-persons-import-error');
    await page
      .getByTestId('persons-import')
      .locator('input[type=file]')
      .setInputFiles(fixtureFile('can-bo.csv', personsCsv(year)));
    await page.getByTestId('persons-import').getByRole('button', { name: 'Nhập' }).click();
    await page.getByText('Đã nhập 4 dòng').waitFor();
    await page.getByTestId('persons-table').getByText('Nguyễn Thu Hương').waitFor();
    await page.getByTestId('persons-table').getByText('Hoàng Anh Tuất').click();
    await page.getByTestId('persons-table').getByText('Đã có thông báo nghỉ hưu').waitFor();
    await shot(page, '05-persons');

    // 5. The conference in the People's Committee, 60 days ahead (every deadline still open).
    await page.goto(roundUrl);
    const confForm = page.getByTestId('conference-form');
    const unitValue = await confForm
      .locator('option', { hasText: '(MC-UB)' })
      .getAttribute('value');
    await confForm.getByLabel('Đơn vị', { exact: true }).selectOption(unitValue);
    await confForm
      .getByLabel('Tên hội nghị')
      .fill('Hội nghị lấy phiếu tín nhiệm chức danh Phó Chủ tịch UBND TP Móng Cái');
    await confForm.getByLabel('Ngày lấy phiếu').fill(conferenceDate.vi);
    await confForm.getByLabel('Địa điểm').fill('Hội trường Thành ủy Móng Cái');
    await confForm.getByLabel('Chủ trì').fill('Đồng chí Hoàng Bá Nam, Bí thư Thành ủy');
    await confForm.getByRole('button', { name: 'Tạo hội nghị' }).click();
    await page
      .getByRole('heading', {
        name: 'Hội nghị lấy phiếu tín nhiệm chức danh Phó Chủ tịch UBND TP Móng Cái',
      })
      .waitFor();
    const conferenceUrl = page.url();
    await page.getByRole('button', { name: 'Sửa thông tin hội nghị' }).click();
    const edit = page.getByTestId('conference-edit');
    await edit.getByLabel('Chủ trì').fill('');
    await edit.getByText('Vui lòng nhập chủ trì.').waitFor();
    await edit
      .getByLabel('Chủ trì')
      .fill('Đồng chí Hồ Quang Huy, Phó Bí thư Thành ủy, Chủ tịch UBND TP');
    await edit.getByLabel('Địa điểm').fill('Hội trường tầng 3, Trụ sở Thành ủy Móng Cái');
    await edit.getByRole('button', { name: 'Lưu' }).click();
    await page
      .getByTestId('conference-facts')
      .getByText('Hội trường tầng 3, Trụ sở Thành ủy Móng Cái')
      .waitFor();

    // 6. Who is voted on: the proposal flags the person appointed this year; one override needs a reason.
    const subjectsPanel = page.getByTestId('subjects-panel');
    await subjectsPanel.getByRole('button', { name: 'Đề xuất danh sách theo quy định' }).click();
    await subjectsPanel.getByText('Được bổ nhiệm, bầu cử trong năm lấy phiếu').waitFor();
    const tuan = subjectsPanel.getByTestId('subject').filter({ hasText: 'Đỗ Văn Tuấn' });
    await tuan.getByRole('button', { name: 'Xác nhận đề xuất' }).click();
    await tuan.getByText('Quyết định: Không lấy phiếu').waitFor();
    const vinh = subjectsPanel.getByTestId('subject').filter({ hasText: 'Nguyễn Phúc Vinh' });
    await vinh.getByRole('button', { name: 'Quyết định khác đề xuất: Không lấy phiếu' }).click();
    await vinh.getByRole('button', { name: 'Quyết định khác đề xuất: Không lấy phiếu' }).click();
    await vinh.getByText('Vui lòng nhập lý do quyết định khác đề xuất').waitFor();
    await vinh
      .getByLabel('Lý do quyết định khác đề xuất')
      .fill('Đã có quyết định điều động, luân chuyển công tác từ ngày 01/10.');
    await vinh.getByRole('button', { name: 'Quyết định khác đề xuất: Không lấy phiếu' }).click();
    await vinh.getByText('Quyết định: Không lấy phiếu').waitFor();
    const huong = subjectsPanel.getByTestId('subject').filter({ hasText: 'Nguyễn Thu Hương' });
    await huong.getByRole('button', { name: 'Xác nhận đề xuất' }).click();
    await huong.getByText('Quyết định: Lấy phiếu').waitFor();
    await subjectsPanel.getByText('1 người lấy phiếu, 2 người không lấy phiếu').waitFor();

    // 7. Persons summoned from CSV, and sign-ins for one voter and for the person voted on.
    const participants = page.getByTestId('participants-panel');
    await participants
      .locator('input[type=file]')
      .setInputFiles(fixtureFile('trieu-tap.csv', PARTICIPANTS_CSV));
    await participants.getByRole('button', { name: 'Nhập' }).click();
    await participants.getByText('6 người được triệu tập').waitFor();
    await participants
      .getByTestId('participant-row')
      .filter({ hasText: 'Phạm Văn Hoan' })
      .getByRole('button', { name: 'Cấp tài khoản' })
      .click();
    const voter = {
      username: (await participants.getByTestId('account-username').textContent())!,
      password: (await participants.getByTestId('account-password').textContent())!,
    };
    await huong.getByRole('button', { name: 'Cấp tài khoản' }).click();
    const person = {
      username: (await subjectsPanel.getByTestId('account-username').textContent())!,
      password: (await subjectsPanel.getByTestId('account-password').textContent())!,
    };
    expect(voter.username).toMatch(/\S/);
    expect(person.username).not.toBe(voter.username);
    await shot(page, '06-conference-builder');

    // 8. The voter, on a 360 px phone, asks about Nguyễn Thu Hương.
    const phone = await newPerson(browser, { width: 360, height: 740 });
    await login(phone.page, server.url, voter.username, voter.password);
    await phone.page
      .getByRole('link', {
        name: 'Hội nghị lấy phiếu tín nhiệm chức danh Phó Chủ tịch UBND TP Móng Cái',
      })
      .click();
    const ask = phone.page.getByTestId('ask-form');
    await ask.getByRole('button', { name: 'Gửi' }).click();
    await ask.getByText('Vui lòng nhập nội dung.').waitFor();
    await ask
      .getByLabel('Nội dung')
      .fill(
        'Đề nghị đồng chí làm rõ kết quả thực hiện chỉ tiêu cải cách hành chính và chuyển đổi số năm nay.',
      );
    await ask.getByRole('button', { name: 'Gửi' }).click();
    await phone.page.getByText('Đã gửi ý kiến.').waitFor();
    await phone.page.getByTestId('question').getByText('Mới gửi').waitFor();
    await shot(phone.page, '07-voter-phone-question');

    // 9. The office sees the counts and forwards the question.
    await page.goto(`${conferenceUrl}/questions`);
    await page.getByTestId('question-counts').getByText('1 ý kiến, 0 yêu cầu giải trình').waitFor();
    await page.getByRole('button', { name: 'Chuyển đến người được lấy phiếu' }).click();
    await page.getByTestId('question').getByText('Đã chuyển, chờ trả lời').waitFor();
    await shot(page, '08-office-questions');

    // 10. The person voted on uploads the report and answers.
    const subject = await newPerson(browser);
    await login(subject.page, server.url, person.username, person.password);
    await subject.page
      .getByRole('link', {
        name: 'Hội nghị lấy phiếu tín nhiệm chức danh Phó Chủ tịch UBND TP Móng Cái',
      })
      .click();
    await subject.page.getByTestId('question').waitFor();
    await subject.page
      .getByTestId('person-reports')
      .locator('input[type=file]')
      .setInputFiles(fixtureFile('bao-cao-tu-kiem-diem.pdf', REPORT_PDF));
    await subject.page.getByTestId('person-reports').getByRole('button', { name: 'Gửi' }).click();
    await subject.page.getByText('Đã tải lên báo cáo.').waitFor();
    const answerForm = subject.page.getByTestId('answer-form');
    await answerForm
      .getByLabel('Nội dung trả lời')
      .fill(
        'Năm nay thành phố hoàn thành 100% chỉ tiêu cải cách hành chính; tỷ lệ hồ sơ trực tuyến toàn trình đạt 82,5%.',
      );
    await answerForm.getByRole('button', { name: 'Trả lời' }).click();
    await subject.page.getByTestId('answer').waitFor();
    await shot(subject.page, '09-person-answered');

    // 11. The office and the voter see the answer; the voter sees the report of the person on the ballot.
    await page.reload();
    await page.getByTestId('answer').getByText('82,5%').waitFor();
    await page.getByTestId('question').getByText('Đã trả lời').waitFor();
    await shot(page, '10-office-answered');
    await phone.page.reload();
    await phone.page.getByTestId('answer').waitFor();
    await phone.page.getByText('bao-cao-tu-kiem-diem.pdf').waitFor();
    await shot(phone.page, '11-voter-phone-answer');

    // 12. The administrator creates an inspector (Ủy ban Kiểm tra) for the city; the inspector reads the audit
    // log with its hash chain intact, and switches to English (the choice survives a reload).
    await page.getByRole('navigation').getByRole('link', { name: 'Tài khoản' }).click();
    const userForm = page.getByTestId('user-form');
    await userForm.getByLabel('Tên đăng nhập').fill('giamsat.mc');
    await userForm.getByLabel('Họ và tên').fill('Trần Thị Giám Sát');
    await userForm.getByLabel('Mật khẩu', { exact: true }).fill('giám-sát-móng-cái');
    await userForm.getByLabel('Vai trò').selectOption('inspector');
    await userForm.getByRole('button', { name: 'Tạo tài khoản' }).click();
    await page.getByText('Đã tạo tài khoản giamsat.mc.').waitFor();
    await page.getByTestId('users-table').getByText('Giám sát — Thành ủy Móng Cái').waitFor();
    await shot(page, '12-users');
    const inspector = await newPerson(browser);
    // Keyboard only: Tab from the username reaches the password, Enter signs in.
    await inspector.page.goto(`${server.url}/login`);
    await inspector.page.getByLabel('Tên đăng nhập').focus();
    await inspector.page.keyboard.type('giamsat.mc');
    await inspector.page.keyboard.press('Tab');
    await inspector.page.keyboard.type('giám-sát-móng-cái');
    await inspector.page.keyboard.press('Enter');
    await inspector.page.getByRole('heading', { name: 'Tổng quan' }).waitFor();
    await inspector.page
      .getByRole('navigation')
      .getByRole('link', { name: 'Nhật ký thay đổi' })
      .click();
    await inspector.page.getByTestId('chain-status').getByText('Chuỗi băm toàn vẹn').waitFor();
    await inspector.page.getByTestId('audit-table').getByText('subject.override').waitFor();
    await shot(inspector.page, '13-audit-inspector');
    await inspector.page.getByTestId('lang-switch').click();
    await inspector.page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await inspector.page.reload();
    await inspector.page.getByRole('heading', { name: 'Audit log' }).waitFor();
    await shot(inspector.page, '14-audit-english');
    await inspector.context.close();

    // No CSP violation or script error on the office's pages.
    expect(errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);

    // 13. A session that ends (cookie gone) sends the office back to sign in, keeping the page asked for.
    await page.context().clearCookies();
    await page.getByRole('navigation').getByRole('link', { name: 'Đơn vị' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    expect(page.url()).toContain('next=%2Funits');
    await login(page, server.url, ADMIN.username, ADMIN.password);

    await phone.context.close();
    await subject.context.close();
  }
});
