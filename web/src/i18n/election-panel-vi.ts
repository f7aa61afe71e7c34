// Bảng chuỗi của trang bỏ phiếu điện tử của cán bộ tổ chức, phiếu mã và bảng công khai (issue 7); spread into vi.ts.

/** Vietnamese words of the election panel, the credential slips and the public board. */
export const ELECTION_PANEL_VI = {
  'day.election': 'Bỏ phiếu điện tử',
  'election.title': 'Bỏ phiếu điện tử',
  'election.help':
    'Ban kiểm phiếu giữ khóa: mỗi thành viên khởi tạo phần khóa của mình trên máy riêng. Đại biểu bỏ phiếu bằng phiếu mã; ai muốn bỏ phiếu giấy thì nộp lại phiếu mã.',
  'election.none': 'Hội nghị này chưa có bỏ phiếu điện tử.',
  'election.allStyle': 'Phiếu chung (tất cả người được lấy phiếu)',
  'election.status.none': 'Chưa có bỏ phiếu điện tử.',
  'election.status.keygen': 'Khởi tạo khóa: chờ các thành viên Ban kiểm phiếu gửi khóa.',
  'election.status.dealing': 'Khởi tạo khóa: chờ các thành viên chia phần khóa.',
  'election.status.checking': 'Khởi tạo khóa: chờ các thành viên kiểm tra phần khóa nhận được.',
  'election.status.acknowledging': 'Khởi tạo khóa: chờ các thành viên xác nhận khóa bầu cử.',
  'election.status.failed': 'Khởi tạo khóa không thành.',
  'election.status.keyed': 'Đã có khóa bầu cử. Bước tiếp theo: tạo và in phiếu mã.',
  'election.status.registered': 'Đã đăng ký phiếu mã. Chờ mở bỏ phiếu.',
  'election.status.voting': 'Đang bỏ phiếu.',
  'election.status.closed': 'Đã kết thúc bỏ phiếu. Chờ Ban kiểm phiếu giải mã kết quả.',
  'election.status.decrypted': 'Đã giải mã kết quả bỏ phiếu điện tử.',
  'election.create': 'Tạo cuộc bỏ phiếu điện tử',
  'election.createHelp':
    'Ban kiểm phiếu có {n} thành viên; mỗi người sẽ giữ một phần khóa. Danh sách người được lấy phiếu và mẫu phiếu được chốt từ lúc này.',
  'election.threshold': 'Số thành viên tối thiểu để giải mã (ngưỡng)',
  'election.thresholdHelp':
    'Mặc định là quá nửa: {t} trên {n} thành viên. Ít hơn ngưỡng thì không ai giải mã được.',
  'election.thresholdInvalid': 'Ngưỡng phải là số nguyên từ 1 đến {n}.',
  'election.createSubmit': 'Tạo bỏ phiếu điện tử',
  'election.emptyStyle':
    'Mẫu phiếu «{style}» không có người nào được lấy phiếu: {count} đại biểu của mẫu này sẽ không nhận phiếu mã (không có ai để bỏ phiếu, như khi không in phiếu giấy cho mẫu này). Nếu đây là nhầm lẫn, hãy sửa mẫu phiếu trước khi tạo bỏ phiếu điện tử.',
  'election.noCommittee': 'Cần bầu Ban kiểm phiếu và cấp mã đăng nhập cho các thành viên trước.',
  'election.ceremony': 'Khởi tạo khóa của Ban kiểm phiếu',
  'election.fingerprintHelp':
    'Mã nhận dạng cuộc bỏ phiếu: đọc to để từng thành viên so với màn hình của mình. Phải giống hệt nhau.',
  'election.thresholdLine': 'Cần ít nhất {t} trên {n} thành viên để giải mã kết quả.',
  'election.trustee': 'Số thứ tự',
  'election.member': 'Thành viên',
  'election.step': 'Bước đã làm',
  'election.step.waiting': 'Chưa bắt đầu',
  'election.step.key': 'Đã gửi khóa',
  'election.step.commitment': 'Đã chia phần khóa',
  'election.step.check': 'Đã kiểm tra phần khóa nhận được',
  'election.step.acknowledgement': 'Đã xác nhận khóa bầu cử',
  'election.step.partial': 'Đã gửi phần giải mã',
  'election.failedHelp':
    'Số thành viên hoàn thành ít hơn ngưỡng, không có khóa bầu cử. Có thể bắt đầu lại lễ tạo khóa, hoặc dùng phiếu giấy cho hội nghị này.',
  'election.ceremonyRun': 'Lần tạo khóa thứ {ceremony}.',
  'election.restart': 'Bắt đầu lại lễ tạo khóa',
  'election.restartHelp':
    'Khi một thành viên mất phần khóa giữa chừng (đóng thẻ, đổi máy) hoặc tạo khóa không thành, hãy bắt đầu lại: mọi thành viên làm lại từ đầu trên trang của mình. Chỉ làm được khi chưa có khóa bầu cử.',
  'election.restartConfirm':
    'Bắt đầu lại lễ tạo khóa? Mọi phần các thành viên đã gửi đều bị hủy (việc này được ghi vào nhật ký); mỗi thành viên làm lại từ đầu, trang của họ tự tham gia lần mới. Hồ sơ công khai chỉ giữ lần tạo khóa thành công.',
  'election.restartSubmit': 'Xác nhận bắt đầu lại',
  'election.restarted':
    'Lễ tạo khóa đã được bắt đầu lại (lần thứ {ceremony}). Các thành viên để trang thành viên mở: trang tự làm lại từ đầu.',
  'election.trusteeLinkHelp':
    'Mỗi thành viên đăng nhập bằng mã của mình rồi mở trang thành viên Ban kiểm phiếu trên máy riêng:',
  'election.trusteeQr': 'Mã QR của trang thành viên Ban kiểm phiếu',
  'election.voting': 'Bỏ phiếu',
  'election.progress': 'Đã nhận {received} phiếu điện tử / {present} đại biểu có mặt.',
  'election.boothLink': 'Trang bỏ phiếu:',
  'election.open': 'Mở bỏ phiếu',
  'election.close': 'Kết thúc bỏ phiếu',
  'election.closeConfirm':
    'Sau khi kết thúc, không nhận thêm phiếu điện tử nào; mọi phiếu mã chưa dùng sẽ tự động bị hủy và máy chủ cộng các phiếu đã mã hóa. Không thể mở lại. Kết thúc bỏ phiếu?',
  'election.closeSubmit': 'Xác nhận kết thúc bỏ phiếu',
  'election.count': 'Kiểm phiếu điện tử',
  'election.tallied':
    'Máy chủ đã cộng các phiếu đã mã hóa (không cần giải mã từng phiếu). Số phiếu mã đã hủy: {voided}.',
  'election.partials': 'Đã có {done} trên {needed} phần giải mã cần thiết.',
  'election.decryptHelp':
    'Các thành viên Ban kiểm phiếu giải mã tổng số trên trang thành viên của mình, từ máy riêng.',
  'election.decrypted': 'Đã giải mã: số phiếu điện tử đã được cộng vào kết quả của hội nghị.',
  'election.countsCaption': 'Số phiếu điện tử theo từng người (chưa cộng phiếu giấy)',
  'election.counted': 'Phiếu điện tử',
  'election.invalidLines': 'Dòng không hợp lệ',
  'election.person': 'Người được lấy phiếu',
  'election.toResult': 'Xem kết quả hội nghị',
  'election.public': 'Công khai để kiểm tra',
  'election.publicHelp':
    'Ai cũng kiểm tra lại được: tải hồ sơ công khai và chạy lệnh tinnhiem verify record.json.',
  'election.boardLink': 'Bảng công khai mã theo dõi phiếu',
  'election.recordLink': 'Tải hồ sơ công khai (record.json)',
  'election.recordInfo': '({events} sự kiện)',

  'slips.title': 'Phiếu mã bỏ phiếu',
  'slips.help':
    'Mỗi người được triệu tập có một phiếu mã theo mẫu phiếu của mình. Phiếu mã được tạo ngay trên máy này; máy chủ chỉ nhận phần công khai. Tại cửa, mỗi đại biểu có mặt tự rút ngẫu nhiên một phiếu mã của mẫu phiếu mình: không ai biết phiếu nào của ai.',
  'slips.countLine': '{style}: {count} phiếu mã',
  'slips.skipped':
    'Mẫu phiếu «{style}» không có người nào được lấy phiếu: {count} đại biểu của mẫu này không nhận phiếu mã (không có ai để bỏ phiếu).',
  'slips.registeredCount': 'Đã đăng ký {count} phiếu mã với máy chủ.',
  'slips.registered': 'Đã đăng ký {count} phiếu mã. Có thể mở bỏ phiếu.',
  'slips.origin': 'Địa chỉ máy chủ in trên phiếu',
  'slips.originHelp':
    'Địa chỉ mà điện thoại trong phòng họp mở được (địa chỉ IP của máy chủ trên mạng Wi-Fi nội bộ).',
  'slips.originInvalid': 'Địa chỉ phải bắt đầu bằng http:// hoặc https://.',
  'slips.loopback':
    'Đây là địa chỉ của riêng máy này: điện thoại sẽ không mở được. Hãy nhập địa chỉ IP của máy chủ trên mạng của phòng họp.',
  'slips.generate': 'Tạo {count} phiếu mã',
  'slips.regenerate': 'Tạo lại toàn bộ phiếu mã (bỏ các phiếu vừa tạo)',
  'slips.onlyCopy':
    'Các phiếu in ra là bản duy nhất của {count} mã: ứng dụng không lưu mã ở đâu cả. Nếu tải lại hoặc rời trang trước khi in, phải tạo lại từ đầu.',
  'slips.print': 'In phiếu mã',
  'slips.printed': 'Đã in xong',
  'slips.registerConfirm':
    'Đã in đủ và kiểm tra các phiếu mã? Sau khi đăng ký, không thể tạo hay in lại phiếu mã khác.',
  'slips.register': 'Đăng ký phiếu mã với máy chủ',
  'slips.gone': 'Các mã chỉ còn trên phiếu đã in; trang này không giữ lại mã nào.',
  'slips.page': 'Trang phiếu mã {style}, {number}/{of}',
  'slips.qrLabel': 'Mã QR mở trang bỏ phiếu với mã của phiếu này',
  'slips.slipTitle': 'PHIẾU MÃ BỎ PHIẾU ĐIỆN TỬ',
  'slips.instruction':
    'Quét mã QR bằng điện thoại (hoặc nhập mã tại trang bỏ phiếu) để bỏ phiếu. Giữ kín, không cho ai xem.',
  'slips.boothAt': 'Trang bỏ phiếu: {url}',

  'void.title': 'Hủy phiếu mã (đổi lấy phiếu giấy)',
  'void.help':
    'Đại biểu chọn bỏ phiếu giấy nộp lại phiếu mã: nhập hoặc quét mã để hủy, rồi phát phiếu giấy cùng mẫu phiếu. Như vậy không ai bỏ phiếu hai lần.',
  'void.count': 'Đã hủy {count} phiếu mã.',
  'void.code': 'Mã trên phiếu mã nộp lại',
  'void.submit': 'Hủy phiếu mã này',
  'void.scan': 'Quét mã QR',
  'void.done': 'Đã hủy phiếu mã. Phát cho đại biểu một phiếu giấy mẫu: {style}.',
  'void.unused':
    'Không cần hủy các phiếu mã không dùng đến: khi kết thúc bỏ phiếu, mọi phiếu mã chưa dùng tự động bị hủy.',
  'error.slips_registered_elsewhere':
    'Phiếu mã của hội nghị đã được đăng ký (có thể từ máy khác): các phiếu vừa tạo trên máy này không dùng được, hãy hủy bỏ chúng.',
  'error.slip_already_voided': 'Phiếu mã này đã bị hủy trước đó.',
  'error.slip_used':
    'Phiếu mã này đã được dùng để bỏ phiếu điện tử: không đổi được lấy phiếu giấy.',

  'board.title': 'Bảng công khai phiếu điện tử',
  'board.help':
    'Mọi phiếu điện tử nhận được, theo thứ tự trong hồ sơ, chỉ bằng mã theo dõi: không có tên, không có nội dung phiếu. Tìm mã theo dõi của bạn để biết phiếu đã được nhận.',
  'board.counts': 'Số phiếu: {total} ({cast} phiếu bỏ, {audited} phiếu kiểm tra).',
  'board.head': 'Mã băm cuối của hồ sơ:',
  'board.downloadCsv': 'Tải bảng (CSV)',
  'board.downloadJson': 'Tải bảng (JSON)',
  'board.downloadRecord': 'Tải hồ sơ công khai (record.json)',
  'board.search': 'Tìm mã theo dõi',
  'board.searchHelp': 'Nhập mã theo dõi hiện trên máy khi bạn bỏ phiếu, ví dụ 3f9a-01c2.',
  'board.found': 'Tìm thấy {count} phiếu.',
  'board.notFound': 'Không có phiếu nào có mã theo dõi này.',
  'board.seq': 'Thứ tự',
  'board.tracker': 'Mã theo dõi',
  'board.kind': 'Loại',
  'board.kind.cast': 'Phiếu bỏ',
  'board.kind.audited': 'Phiếu kiểm tra (không tính)',
} as const;
