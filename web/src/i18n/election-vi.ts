// Bảng chuỗi bỏ phiếu điện tử (issue 7): mã lỗi của máy chủ; spread into vi.ts.

/** Vietnamese words for the electronic-voting error codes of src/server/errors.ts. */
export const ELECTION_VI = {
  'error.committee_without_account':
    'Có thành viên Ban kiểm phiếu chưa có tài khoản: hãy cấp mã đăng nhập trước.',
  'error.election_failed': 'Khởi tạo khóa không thành: số thành viên hợp lệ ít hơn ngưỡng.',
  'error.trustee_mismatch': 'Bạn chỉ được gửi dữ liệu của chính mình.',
  'error.dkg_message_invalid': 'Dữ liệu khởi tạo khóa không hợp lệ.',
  'error.credentials_invalid': 'Danh sách mã bỏ phiếu không hợp lệ.',
  'error.credentials_count_mismatch':
    'Số mã bỏ phiếu của mỗi mẫu phiếu phải bằng số đại biểu được triệu tập.',
  'error.credential_voided': 'Phiếu mã này đã được đổi lấy phiếu giấy, không dùng được nữa.',
  'error.credential_used': 'Mã này đã được dùng để bỏ phiếu.',
  'error.voting_not_open': 'Chưa mở hoặc đã kết thúc bỏ phiếu.',
  'error.ballot_malformed': 'Phiếu bầu không đúng định dạng.',
  'error.credential_unknown': 'Mã bỏ phiếu không có trong danh sách của hội nghị.',
  'error.style_mismatch': 'Phiếu không đúng mẫu phiếu của mã này.',
  'error.lines_mismatch': 'Các dòng của phiếu không khớp với mẫu phiếu.',
  'error.encoding_invalid': 'Phiếu bầu có dữ liệu mã hóa không hợp lệ.',
  'error.signature_missing': 'Phiếu bầu thiếu chữ ký.',
  'error.signature_invalid': 'Chữ ký của phiếu bầu không hợp lệ.',
  'error.proof_invalid': 'Bằng chứng của một dòng phiếu không hợp lệ.',
  'error.opening_invalid': 'Dữ liệu kiểm tra phiếu không khớp với phiếu đã mã hóa.',
  'error.partial_invalid': 'Phần giải mã hoặc bằng chứng của nó không hợp lệ.',
  'error.ceremony_finished': 'Khóa bầu cử đã được tạo xong: không thể bắt đầu lại lễ tạo khóa nữa.',
  'error.ceremony_restarted':
    'Lễ tạo khóa vừa được bắt đầu lại (có thể từ máy khác): trang sẽ tự chuyển sang lần tạo khóa mới.',
  'booth.title': 'Bỏ phiếu điện tử',
  'booth.slip': 'Mã trên phiếu mã bỏ phiếu',
  'booth.slipHelp':
    'Nhập 28 ký tự trên phiếu mã, hoặc quét mã QR. Mã chỉ được dùng trên máy này, không gửi đi.',
  'booth.scan': 'Quét mã QR',
  'booth.next': 'Tiếp tục',
  'booth.high': 'Tín nhiệm cao',
  'booth.confidence': 'Tín nhiệm',
  'booth.low': 'Tín nhiệm thấp',
  'booth.blankWarning': 'Chưa chọn mức nào: dòng này sẽ là dòng không hợp lệ.',
  'booth.review': 'Xem lại phiếu',
  'booth.change': 'Sửa lại',
  'booth.seal': 'Mã hóa phiếu',
  'booth.sealing': 'Đang mã hóa phiếu…',
  'booth.tracker': 'Mã theo dõi phiếu của bạn: {tracker}. Bỏ phiếu hay kiểm tra phiếu?',
  'booth.cast': 'Bỏ phiếu',
  'booth.audit': 'Kiểm tra phiếu (không bỏ)',
  'booth.audited':
    'Phiếu có mã theo dõi {tracker} đã được công khai để kiểm tra và không được tính. Hãy mã hóa lại để bỏ phiếu.',
  'booth.done':
    'Đã nhận phiếu của bạn. Mã theo dõi: {tracker}. Bạn có thể bỏ phiếu lại trước khi kết thúc; phiếu sau thay phiếu trước.',
  'error.slip_malformed': 'Mã không đúng dạng: hãy kiểm tra lại 28 ký tự.',
  'error.slip_checksum': 'Mã có ký tự bị nhập sai: hãy kiểm tra lại.',
  'error.election_key_missing': 'Chưa có khóa bầu cử: chưa mở bỏ phiếu.',
  'error.booth_internal': 'Không mã hóa được phiếu trên máy này.',
} as const;
