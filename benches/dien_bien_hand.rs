//! A hand-written scorer of the Điện Biên 2024 district ruleset
//! (`rulesets/dien-bien/huyen-2024.chiso`: Quyết định 2270/QĐ-UBND, Bảng 2; 165 criteria,
//! 45 inputs), written as a careful engineer would write it without an interpreter: the
//! criteria as a table, the 23 computed criteria as straight-line Rust, `rust_decimal` for
//! every number, one pass over the CSV.
//!
//! It reads the sheet `chiso score` reads (a header row, then one unit per row, `;` between
//! cells, decimals with a comma or a point), applies the same roundings (points, subtotals,
//! totals and the index to 2 places, half away from zero: the ruleset's `làm tròn … 2 nửa
//! lên`), grades by mục II.2.4.c, ranks by the index (ties share a rank), and writes the CSV
//! of `chiso score RULESET SHEET --format csv`. The benchmark (`benches/batch.rs`) times it
//! against chiso; the test `tests/suite/handwritten.rs` checks both write the same bytes.
//! Both include this file with `#[path]`; it is not built on its own.
//!
//! Nothing here is generated from chiso's model: the table below was copied from the
//! ruleset's text (ids, titles, maxima, sources), the rules from its `điểm = …` lines.

#![allow(dead_code)]

use rust_decimal::{Decimal, RoundingStrategy};
use std::fmt::Write as _;

// ───────────── The criteria (Bảng 2) ─────────────

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Level {
    Area,
    Criterion,
    Sub,
}

impl Level {
    fn word(self) -> &'static str {
        match self {
            Level::Area => "area",
            Level::Criterion => "criterion",
            Level::Sub => "sub-criterion",
        }
    }
}

/// Where a criterion's points come from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Source {
    /// The sum of its sub-criteria.
    Parent,
    /// Awarded by the appraisal council (a blank is missing data).
    Council,
    /// Given by a survey (ĐTXHH or SIPAS, mục II.2.2): a blank is "waiting for the survey",
    /// left out of the unit's maximum.
    Survey,
    /// Computed from the unit's figures (see [`rule`]).
    Rule,
}
use Level::*;
use Source::*;

pub struct Criterion {
    pub id: &'static str,
    pub title: &'static str,
    pub level: Level,
    /// Maximum in hundredths of a point.
    pub max: i64,
    pub parent: usize,
    pub source: Source,
}

const NONE: usize = usize::MAX;

const fn c(
    id: &'static str,
    title: &'static str,
    level: Level,
    max: i64,
    parent: usize,
    source: Source,
) -> Criterion {
    Criterion {
        id,
        title,
        level,
        max,
        parent,
        source,
    }
}

/// Every criterion in the table's order (areas, criteria, sub-criteria).
pub const CRITERIA: [Criterion; 165] = [
    c("1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", Area, 1900, NONE, Parent),
    c("1.1", "Kế hoạch CCHC", Criterion, 150, 0, Parent),
    c("1.1.1", "Chất lượng Kế hoạch CCHC", Sub, 50, 1, Council),
    c("1.1.2", "Mức độ hoàn thành kế hoạch CCHC", Sub, 100, 1, Council),
    c("1.2", "Thực hiện công tác báo cáo định kỳ CCHC", Criterion, 200, 0, Council),
    c("1.3", "Kiểm tra công tác CCHC", Criterion, 150, 0, Parent),
    c("1.3.1", "Tỷ lệ, chất lượng công tác tự kiểm tra (cơ quan chuyên môn cấp huyện và đơn vị hành chính cấp xã được UBND cấp huyện kiểm tra)", Sub, 50, 5, Rule),
    c("1.3.2", "Phát hiện và xử lý các vấn đề phát hiện qua kiểm tra", Sub, 100, 5, Council),
    c("1.4", "Sự năng động trong chỉ đạo, điều hành CCHC", Criterion, 150, 0, Parent),
    c("1.4.1", "Thực hiện việc gắn kết quả CCHC với việc xét thi đua, khen thưởng đối với các tập thể, cá nhân", Sub, 50, 8, Council),
    c("1.4.2", "Thực hiện việc gắn kết quả CCHC với việc đánh giá, xếp loại hàng năm đối với người đứng đầu, cấp phó có liên quan của người đứng đầu và CBCC có liên quan đến kết quả CCHC", Sub, 100, 8, Council),
    c("1.5", "Công tác tuyên truyền CCHC", Criterion, 150, 0, Parent),
    c("1.5.1", "Mức độ hoàn thành kế hoạch tuyên truyền CCHC", Sub, 50, 11, Council),
    c("1.5.2", "Mức độ đa dạng trong tuyên truyền CCHC", Sub, 100, 11, Rule),
    c("1.6", "Xử lý tồn tại, hạn chế, bất cập trong công tác CCHC", Criterion, 250, 0, Parent),
    c("1.6.1", "Tự phát hiện tồn tại, hạn chế, bất cập đối với từng lĩnh vực, nhiệm vụ CCHC tại cơ quan.", Sub, 100, 14, Council),
    c("1.6.2", "Các giải pháp và kết quả xử lý tồn tại nâng cao chất lượng các nhiệm vụ chưa đạt mục tiêu, yêu cầu", Sub, 150, 14, Council),
    c("1.7", "Thực hiện các nhiệm vụ được UBND tỉnh, Chủ tịch UBND tỉnh giao trong năm", Criterion, 200, 0, Rule),
    c("1.8", "Sáng kiến hoặc giải pháp, mô hình, cách làm mới trong công tác cải cách hành chính", Criterion, 350, 0, Council),
    c("1.9", "Điểm thưởng sự hiệu quả", Criterion, 100, 0, Council),
    c("1.10", "Kết quả chỉ đạo điều hành CCHC của UBND cấp huyện", Criterion, 200, 0, Parent),
    c("1.10.1", "Tác động của tuyên truyền đối với việc nâng cao nhận thức của đội ngũ cán bộ, công chức, viên chức về CCHC", Sub, 50, 20, Survey),
    c("1.10.2", "Chất lượng các văn bản chỉ đạo điều hành CCHC", Sub, 50, 20, Survey),
    c("1.10.3", "Tính kịp thời của các văn bản chỉ đạo điều hành CCHC", Sub, 25, 20, Survey),
    c("1.10.4", "Sử dụng nguồn lực (nhân lực, tài chính...) cho công tác CCHC", Sub, 25, 20, Survey),
    c("1.10.5", "Công tác chỉ đạo, đôn đốc thực hiện các nhiệm vụ CCHC", Sub, 50, 20, Survey),
    c("2", "XÂY DỰNG VÀ TỔ CHỨC THỰC HIỆN VĂN BẢN QUY PHẠM PHÁP LUẬT", Area, 700, NONE, Parent),
    c("2.1", "Xây dựng văn bản quy phạm pháp luật thuộc phạm vi quản lý nhà nước", Criterion, 100, 26, Parent),
    c("2.1.1", "Xây dựng văn bản quy phạm pháp luật được giao ban hành theo thẩm quyền", Sub, 50, 27, Council),
    c("2.1.2", "Thực hiện quy trình xây dựng văn bản quy phạm pháp luật", Sub, 50, 27, Council),
    c("2.2", "Kiểm tra, xử lý, rà soát, hệ thống hóa văn bản quy phạm pháp luật", Criterion, 225, 26, Parent),
    c("2.2.1", "Chất lượng kế hoạch và kết quả thực hiện kế hoạch kiểm tra, xử lý, rà soát, hệ thống hóa văn bản quy phạm pháp luật", Sub, 75, 30, Council),
    c("2.2.2", "Thực hiện kiểm tra thường xuyên, đầy đủ và kịp thời xử lý kết quả kiểm tra văn bản quy phạm pháp luật do HĐND, UBND huyện ban hành thuộc phạm vi, lĩnh vực quản lý theo quy định của pháp luật sau khi nhận được kết luận kiểm tra văn bản của cơ quan có thẩm quyền", Sub, 50, 30, Council),
    c("2.2.3", "Thực hiện rà soát thường xuyên đầy đủ và kịp thời xử lý kết quả rà soát các văn bản quy phạm pháp luật do HĐND, UBND huyện ban hành thuộc phạm vi, lĩnh vực quản lý", Sub, 50, 30, Council),
    c("2.2.4", "Thực hiện công tác báo cáo hàng năm về kết quả kiểm tra, xử lý, rà soát, hệ thống hóa văn bản quy phạm pháp luật", Sub, 50, 30, Council),
    c("2.3", "Theo dõi thi hành pháp luật (TĐTHPL)", Criterion, 175, 26, Parent),
    c("2.3.1", "Thực hiện các hoạt động về TĐTHPL", Sub, 125, 35, Council),
    c("2.3.2", "Xử lý kết quả theo dõi thi hành pháp luật", Sub, 50, 35, Council),
    c("2.4", "Điểm thưởng sự hiệu quả", Criterion, 50, 26, Council),
    c("2.5", "Tác động của CCHC đến chất lượng văn bản QPPL do các cơ quan chuyên môn thuộc UBND tỉnh tham mưu cho UBND tỉnh ban hành", Criterion, 150, 26, Parent),
    c("2.5.1", "Tính đồng bộ, thống nhất, hợp lý của hệ thống VBQPPL thuộc phạm vi quản lý nhà nước của cấp Huyện", Sub, 50, 39, Survey),
    c("2.5.2", "Tính kịp thời trong việc phát hiện và xử lý các bất cập, vướng mắc trong tổ chức thực hiện VBQPPL thuộc phạm vi quản lý của UBND cấp huyện", Sub, 50, 39, Survey),
    c("2.5.3", "Hoạt động tuyên truyền, phổ biến, giáo dục pháp luật đối với công dân, tổ chức của UBND cấp Huyện", Sub, 50, 39, Survey),
    c("3", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", Area, 1100, NONE, Parent),
    c("3.1", "Rà soát, đánh giá, đơn giản hóa thủ tục hành chính (TTHC)", Criterion, 50, 43, Council),
    c("3.2", "Công khai TTHC và công khai tiến độ, kết quả giải quyết TTHC", Criterion, 375, 43, Parent),
    c("3.2.1", "Công khai TTHC đầy đủ, đúng quy định tại Bộ phận Tiếp nhận và Trả kết quả của UBND cấp huyện", Sub, 150, 45, Council),
    c("3.2.2", "Tỷ lệ đơn vị hành chính cấp xã công khai TTHC đầy đủ, đúng quy định tại Bộ phận Tiếp nhận và Trả kết quả", Sub, 125, 45, Rule),
    c("3.2.3", "Công khai TTHC trên Cổng/Trang TTĐT của huyện", Sub, 50, 45, Council),
    c("3.2.4", "Công khai tiến độ, kết quả giải quyết hồ sơ TTHC trên Hệ thống thông tin giải quyết TTHC của tỉnh", Sub, 50, 45, Council),
    c("3.3", "Thực hiện cơ chế một cửa, cơ chế một cửa liên thông", Criterion, 250, 43, Parent),
    c("3.3.1", "Tỷ lệ TTHC thực hiện việc tiếp nhận, trả kết quả tại Bộ phận Tiếp nhận và Trả kết quả", Sub, 50, 50, Rule),
    c("3.3.2", "Đưa TTHC ngành dọc thực hiện việc tiếp nhận hồ sơ tại Bộ phận Tiếp nhận và Trả kết quả các cấp theo danh mục được phê duyệt", Sub, 25, 50, Council),
    c("3.3.3", "Kết quả đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện TTHC, DVC theo thời gian thực trên môi trường điện tử của UBND cấp huyện", Sub, 125, 50, Council),
    c("3.3.4", "Triển khai thực hiện việc đánh giá chất lượng phục vụ người dân, doanh nghiệp trong thực hiện TTHC, DVC theo thời gian thực trên môi trường điện tử đối với UBND cấp xã thuộc huyện", Sub, 50, 50, Council),
    c("3.4", "Kết quả giải quyết hồ sơ TTHC", Criterion, 325, 43, Parent),
    c("3.4.1", "Tỷ lệ hồ sơ TTHC do UBND cấp huyện tiếp nhận trong năm được giải quyết đúng hạn", Sub, 150, 55, Rule),
    c("3.4.2", "Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận trong năm được giải quyết đúng hạn", Sub, 150, 55, Rule),
    c("3.4.3", "Thực hiện việc xin lỗi người dân, tổ chức khi để xảy ra trễ hẹn trong giải quyết hồ sơ TTHC", Sub, 25, 55, Council),
    c("3.5", "Tiếp nhận, xử lý phản ánh, kiến nghị (PAKN) của cá nhân, tổ chức đối với TTHC thuộc thẩm quyền giải quyết", Criterion, 50, 43, Parent),
    c("3.5.1", "Xử lý PAKN của cá nhân, tổ chức đối với TTHC thuộc thẩm quyền giải quyết và công khai kết quả trả lời PAKN của cá nhân, tổ chức đối với quy định TTHC thuộc thẩm quyền", Sub, 25, 59, Council),
    c("3.5.2", "Công khai địa chỉ tiếp nhận PAKN tại nơi tiếp nhận, giải quyết TTHC/Bộ phận tiếp nhận và Trả kết quả và trên Cổng/Trang thông tin điện tử của UBND cấp huyện", Sub, 25, 59, Council),
    c("3.6", "Điểm thưởng sự hiệu quả", Criterion, 50, 43, Council),
    c("4", "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH", Area, 900, NONE, Parent),
    c("4.1", "Sắp xếp, kiện toàn tổ chức bộ máy của các cơ quan, đơn vị", Criterion, 325, 63, Parent),
    c("4.1.1", "Hoàn thiện quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của các cơ quan chuyên môn cấp huyện", Sub, 25, 64, Council),
    c("4.1.2", "Thực hiện quy định và tính hợp lý về cơ cấu số lượng lãnh đạo của các cơ quan chuyên môn cấp huyện", Sub, 200, 64, Council),
    c("4.1.3", "Tỉ lệ giảm số lượng đơn vị sự nghiệp công lập so với năm 2021", Sub, 100, 64, Council),
    c("4.2", "Thực hiện các quy định về quản lý biên chế", Criterion, 250, 63, Parent),
    c("4.2.1", "Thực hiện quy định về sử dụng biên chế hành chính", Sub, 25, 68, Council),
    c("4.2.2", "Thực hiện quy định về số lượng người làm việc hưởng lương trong các đơn vị sự nghiệp công lập", Sub, 25, 68, Council),
    c("4.2.3", "Tỷ lệ giảm biên chế so với năm 2021", Sub, 200, 68, Council),
    c("4.3", "Thực hiện phân cấp quản lý", Criterion, 175, 63, Parent),
    c("4.3.1", "Thực hiện các quy định về phân cấp quản lý do Trung ương, UBND tỉnh ban hành", Sub, 25, 72, Council),
    c("4.3.2", "Thực hiện thanh tra, kiểm tra đối với các nhiệm vụ thuộc phạm vi quản lý nhà nước của UBND huyện đã phân cấp cho các phòng, ban, đơn vị thuộc huyện và xã.", Sub, 50, 72, Council),
    c("4.3.3", "Xử lý các vấn đề về phân cấp phát hiện qua thanh tra, kiểm tra", Sub, 100, 72, Council),
    c("4.4", "Điểm thưởng sự hiệu quả", Criterion, 50, 63, Council),
    c("4.5", "Tác động của CCHC đến tổ chức bộ máy hành chính", Criterion, 100, 63, Parent),
    c("4.5.1", "Tình hình thực hiện quy chế làm việc của UBND cấp huyện", Sub, 50, 77, Survey),
    c("4.5.2", "Tính hợp lý trong việc sắp xếp, kiện toàn tổ chức bộ máy của các cơ quan, đơn vị thuộc thẩm quyền của UBND cấp huyện", Sub, 25, 77, Survey),
    c("4.5.3", "Tính hợp lý trong việc phân cấp thực hiện các nhiệm vụ quản lý nhà nước giữa tỉnh, huyện, xã", Sub, 25, 77, Survey),
    c("5", "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ", Area, 1050, NONE, Parent),
    c("5.1", "Thực hiện cơ cấu công chức, viên chức theo vị trí việc làm", Criterion, 100, 81, Parent),
    c("5.1.1", "Tỷ lệ cơ quan, tổ chức hành chính thực hiện đúng cơ cấu ngạch công chức theo vị trí việc làm được phê duyệt", Sub, 50, 82, Rule),
    c("5.1.2", "Tỷ lệ đơn vị sự nghiệp bố trí viên chức theo đúng vị trí việc làm được phê duyệt", Sub, 50, 82, Rule),
    c("5.2", "Thực hiện quy định về tuyển dụng viên chức tại các đơn vị sự nghiệp công lập thuộc UBND cấp huyện", Criterion, 50, 81, Council),
    c("5.3", "Thực hiện quy định về thi nâng ngạch công chức, thi hoặc xét thăng hạng viên chức", Criterion, 75, 81, Parent),
    c("5.3.1", "Thực hiện quy định về thi nâng ngạch công chức", Sub, 25, 86, Council),
    c("5.3.2", "Thực hiện quy định về xét thăng hạng viên chức", Sub, 50, 86, Council),
    c("5.4", "Thực hiện quy định về bổ nhiệm vị trí lãnh đạo, quản lý", Criterion, 50, 81, Council),
    c("5.5", "Thực hiện quy định về đánh giá, phân loại và chấp hành kỷ cương hành chính của cán bộ, công chức, viên chức", Criterion, 100, 81, Parent),
    c("5.5.1", "Thực hiện quy định về đánh giá, xếp loại công chức, viên chức", Sub, 50, 90, Council),
    c("5.5.2", "Chấp hành kỷ luật, kỷ cương hành chính của cán bộ, công chức, viên chức", Sub, 50, 90, Council),
    c("5.6", "Mức độ hoàn thành kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức và công tác báo cáo kết quả đào tạo, bồi dưỡng cán bộ, công chức, viên chức", Criterion, 125, 81, Parent),
    c("5.6.1", "Kế hoạch đào tạo, bồi dưỡng năm 2024 và Kế hoạch đào tạo, bồi dưỡng CB, CC, VC trong quy hoạch", Sub, 50, 93, Council),
    c("5.6.2", "Kết quả đào tạo, bồi dưỡng của cơ quan, đơn vị năm 2024 và kết quả đào tạo, bồi dưỡng CB, CC, VC trong quy hoạch", Sub, 75, 93, Council),
    c("5.7", "Thực hiện các quy định về chuyển đổi vị trí công tác", Criterion, 200, 81, Parent),
    c("5.7.1", "Kế hoạch chuyển đổi vị trí công tác theo quy định", Sub, 50, 96, Council),
    c("5.7.2", "Kết quả thực hiện chuyển đổi vị trí công tác", Sub, 150, 96, Rule),
    c("5.8", "Tỷ lệ đạt chuẩn của cán bộ cấp xã", Criterion, 100, 81, Parent),
    c("5.8.1", "Tỷ lệ đạt chuẩn của cán bộ cấp xã", Sub, 50, 99, Rule),
    c("5.8.2", "Tỷ lệ đạt chuẩn của công chức cấp xã", Sub, 50, 99, Rule),
    c("5.9", "Điểm thưởng sự hiệu quả", Criterion, 50, 81, Council),
    c("5.10", "Tác động của cải cách đến quản lý cán bộ, công chức, viên chức", Criterion, 100, 81, Parent),
    c("5.10.1", "Tình trạng tiêu cực trong tuyển dụng, bổ nhiệm công chức, viên chức thuộc phạm vi quản lý của UBND cấp huyện", Sub, 50, 103, Survey),
    c("5.10.2", "Tính công khai, minh bạch trong công tác tuyển dụng, bổ nhiệm công chức, viên chức", Sub, 25, 103, Survey),
    c("5.10.3", "Tính công khai, minh bạch trong việc thực hiện các quy định về chuyển đổi vị trí công tác", Sub, 25, 103, Survey),
    c("5.11", "Tác động của cải cách đến chất lượng đội ngũ cán bộ, công chức, viên chức", Criterion, 100, 81, Parent),
    c("5.11.1", "Năng lực chuyên môn của công chức trong phối hợp, xử lý công việc", Sub, 25, 107, Survey),
    c("5.11.2", "Tinh thần trách nhiệm của công chức trong phối hợp, xử lý công việc", Sub, 25, 107, Survey),
    c("5.11.3", "Tình trạng công chức lợi dụng chức vụ, quyền hạn để trục lợi cá nhân trong phối hợp, xử lý công việc", Sub, 25, 107, Survey),
    c("5.11.4", "Tính hiệu quả trong việc thực hiện chính sách thu hút người có tài năng vào bộ máy hành chính tại UBND cấp huyện", Sub, 25, 107, Survey),
    c("6", "CẢI CÁCH TÀI CHÍNH CÔNG", Area, 950, NONE, Parent),
    c("6.1", "Tổ chức thực hiện công tác tài chính - ngân sách", Criterion, 250, 112, Parent),
    c("6.1.1", "Thực hiện quy định về việc sử dụng kinh phí nguồn từ NSNN", Sub, 100, 113, Council),
    c("6.1.2", "Tổ chức thực hiện các kiến nghị sau thanh tra, kiểm tra, kiểm toán nhà nước về tài chính, ngân sách", Sub, 150, 113, Council),
    c("6.2", "Công tác quản lý, sử dụng tài sản công", Criterion, 200, 112, Parent),
    c("6.2.1", "Ban hành quy chế quản lý, sử dụng tài sản công của các cơ quan, đơn vị thuộc phạm vi quản lý", Sub, 100, 116, Council),
    c("6.2.2", "Kiểm tra việc thực hiện các quy định về quản lý tài sản công", Sub, 100, 116, Council),
    c("6.3", "Thực hiện cơ chế tự chủ tài chính tại các đơn vị sự nghiệp công lập (SNCL)", Criterion, 150, 112, Parent),
    c("6.3.1", "Số đơn vị SNCL tự bảo đảm chi thường xuyên", Sub, 50, 119, Council),
    c("6.3.2", "Số đơn vị SNCL tự bảo đảm một phần chi thường xuyên", Sub, 50, 119, Council),
    c("6.3.3", "Thực hiện quy định về việc phân phối kết quả tài chính hoặc sử dụng kinh phí tiết kiệm chi thường xuyên trong năm tại các đơn vị SNCL", Sub, 50, 119, Council),
    c("6.4", "Thực hiện chỉ đạo của cấp trên và cơ quan chuyên môn Tài chính về các nhiệm vụ điều hành ngân sách nhà nước", Criterion, 100, 112, Council),
    c("6.5", "Điểm thưởng sự hiệu quả", Criterion, 50, 112, Council),
    c("6.6", "Tác động của cải cách đến quản lý tài chính công", Criterion, 200, 112, Parent),
    c("6.6.1", "Thực hiện tiết kiệm, chống lãng phí trong quản lý, sử dụng kinh phí của cơ quan, đơn vị", Sub, 50, 125, Survey),
    c("6.6.2", "Tính hiệu quả của việc thực hiện cơ chế tự chủ, tự chịu trách nhiệm về kinh phí quản lý hành chính", Sub, 50, 125, Survey),
    c("6.6.3", "Tính hiệu quả của việc thực hiện cơ chế tự chủ tại các đơn vị sự nghiệp công lập", Sub, 50, 125, Survey),
    c("6.6.4", "Mức độ đảm bảo phương tiện, điều kiện làm việc, chế độ đãi ngộ đối với cán bộ, công chức, viên chức và lao động hợp đồng thuộc UBND cấp Huyện theo quy định", Sub, 50, 125, Survey),
    c("7", "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ", Area, 1550, NONE, Parent),
    c("7.1", "Phát triển các ứng dụng, dịch vụ trong nội bộ cơ quan Nhà nước", Criterion, 350, 130, Parent),
    c("7.1.1", "Tỷ lệ máy trạm của cơ quan, đơn vị cài đặt phần mềm phòng, chống mã độc trung", Sub, 100, 131, Rule),
    c("7.1.2", "Tỷ lệ văn bản đi của cơ quan, đơn vị được thực hiện dưới dạng điện tử, được ký số bởi chữ ký số chuyên dùng", Sub, 100, 131, Rule),
    c("7.1.3", "Tỷ lệ hồ sơ TTHC được giải quyết thông qua Hệ thống thông tin giải quyết TTHC của tỉnh và các Hệ thống thông tin của Bộ, ngành", Sub, 150, 131, Rule),
    c("7.2", "Phát triển ứng dụng, dịch vụ phục vụ người dân, tổ chức", Criterion, 1000, 130, Parent),
    c("7.2.1", "Tỷ lệ DVCTT phát sinh hồ sơ trực tuyến", Sub, 100, 135, Rule),
    c("7.2.2", "Tỷ lệ hồ sơ trực tuyến", Sub, 100, 135, Rule),
    c("7.2.3", "Tỷ lệ số hóa hồ sơ giải quyết TTHC", Sub, 100, 135, Rule),
    c("7.2.4", "Tỷ lệ kết quả giải quyết TTHC điện tử", Sub, 100, 135, Rule),
    c("7.2.5", "Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hoá", Sub, 100, 135, Council),
    c("7.2.6", "Tỷ lệ TTHC có phát sinh giao dịch thanh toán trực tuyến", Sub, 100, 135, Rule),
    c("7.2.7", "Tỷ lệ hồ sơ thanh toán trực tuyến", Sub, 100, 135, Rule),
    c("7.2.8", "Tỷ lệ kết quả giải quyết TTHC được trả qua dịch vụ BCCI", Sub, 50, 135, Council),
    c("7.2.9", "Tỷ lệ đăng ký tài khoản ứng dụng Điện Biên Smart", Sub, 150, 135, Council),
    c("7.2.10", "Tỷ lệ giải quyết phản ánh hiện trường trên ứng dụng Điện Biên Smart", Sub, 100, 135, Council),
    c("7.3", "Điểm thưởng sự hiệu quả", Criterion, 50, 130, Council),
    c("7.4", "Tác động của cải cách đến Xây dựng và phát triển chính quyền điện tử, chính quyền số", Criterion, 150, 130, Parent),
    c("7.4.1", "Tính kịp thời của thông tin được cung cấp trên trang thông tin điện tử của UBND cấp huyện", Sub, 50, 147, Survey),
    c("7.4.2", "Mức độ đầy đủ của thông tin được cung cấp trên trang thông tin điện tử của UBND cấp huyện", Sub, 25, 147, Survey),
    c("7.4.3", "Mức độ thuận tiện trong việc truy cập, khai thác thông tin trên trang thông tin điện tử của UBND cấp huyện", Sub, 25, 147, Survey),
    c("7.4.4", "Chất lượng xử lý công việc trên môi trường mạng tại UBND huyện", Sub, 50, 147, Survey),
    c("8", "TÁC ĐỘNG CỦA CCHC ĐẾN NGƯỜI DÂN, TỔ CHỨC VÀ PHÁT TRIỂN KINH TẾ- XÃ HỘI CỦA HUYỆN, THỊ XÃ, THÀNH PHỐ", Area, 1850, NONE, Parent),
    c("8.1", "Thực hiện thu ngân sách hàng năm của các UBND cấp huyện theo Quyết định được UBND tỉnh giao", Criterion, 200, 152, Rule),
    c("8.2", "Mức độ thực hiện các mục tiêu phát triển kinh tế - xã hội do HĐND cấp huyện giao", Criterion, 150, 152, Rule),
    c("8.3", "Kết quả khảo sát sự hài lòng của người dân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước trên địa bàn thuộc huyện, thị xã, thành phố", Criterion, 1500, 152, Parent),
    c("8.3.1", "Chỉ số hài lòng về trách nhiệm giải trình của chính quyền về chính sách", Sub, 200, 155, Survey),
    c("8.3.2", "Chỉ số hài lòng về sự tham gia của người dân vào quá trình xây dựng, tổ chức chính sách", Sub, 200, 155, Survey),
    c("8.3.3", "Chỉ số hài lòng về chất lượng tổ chức thực hiện chính sách", Sub, 225, 155, Survey),
    c("8.3.4", "Chỉ số hài lòng về kết quả, tác động của chính sách", Sub, 100, 155, Survey),
    c("8.3.5", "Chỉ số hài lòng về tiếp cận dịch vụ", Sub, 125, 155, Survey),
    c("8.3.6", "Chỉ số hài lòng về tổ chức giải quyết TTHC", Sub, 150, 155, Survey),
    c("8.3.7", "Chỉ số hài lòng về công chức giải quyết TTHC", Sub, 200, 155, Survey),
    c("8.3.8", "Chỉ số hài lòng về kết quả giải quyết TTHC", Sub, 200, 155, Survey),
    c("8.3.9", "Chỉ số hài lòng về việc tiếp nhận, xử lý phản ánh, kiến nghị liên quan đến TTHC", Sub, 100, 155, Survey),
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// số lượng: a whole number; `1.253` / `1,253` group thousands.
    Count,
    /// số: a decimal, `,` or `.` before the decimals.
    Number,
}

use Kind::{Count, Number};

/// The unit's figures: name, kind, office in charge (chủ trì).
pub const INPUTS: [(&str, Kind, &str); 45] = [
    ("đơn_vị_được_kiểm_tra", Count, "Phòng Nội vụ"),
    ("tổng_số_đơn_vị", Count, "Phòng Nội vụ"),
    ("số_hình_thức_tuyên_truyền", Count, "Phòng Nội vụ"),
    ("nhiệm_vụ_được_giao", Count, "Văn phòng HĐND và UBND huyện"),
    ("nhiệm_vụ_đúng_hạn", Count, "Văn phòng HĐND và UBND huyện"),
    ("nhiệm_vụ_trễ_hạn", Count, "Văn phòng HĐND và UBND huyện"),
    (
        "nhiệm_vụ_chưa_đến_hạn",
        Count,
        "Văn phòng HĐND và UBND huyện",
    ),
    ("xã_công_khai_đầy_đủ", Count, "Văn phòng HĐND và UBND huyện"),
    ("tổng_số_xã", Count, "Văn phòng HĐND và UBND huyện"),
    (
        "tthc_tiếp_nhận_tại_một_cửa",
        Count,
        "Văn phòng HĐND và UBND huyện",
    ),
    (
        "tthc_thuộc_thẩm_quyền",
        Count,
        "Văn phòng HĐND và UBND huyện",
    ),
    (
        "hồ_sơ_huyện_đúng_hạn",
        Count,
        "Văn phòng HĐND và UBND huyện",
    ),
    (
        "hồ_sơ_huyện_đã_giải_quyết",
        Count,
        "Văn phòng HĐND và UBND huyện",
    ),
    ("hồ_sơ_xã_đúng_hạn", Count, "Văn phòng HĐND và UBND huyện"),
    (
        "hồ_sơ_xã_đã_giải_quyết",
        Count,
        "Văn phòng HĐND và UBND huyện",
    ),
    ("cơ_quan_đúng_cơ_cấu_ngạch", Count, "Phòng Nội vụ"),
    ("tổng_số_cơ_quan_hành_chính", Count, "Phòng Nội vụ"),
    ("đơn_vị_sự_nghiệp_đúng_vị_trí", Count, "Phòng Nội vụ"),
    ("tổng_số_đơn_vị_sự_nghiệp", Count, "Phòng Nội vụ"),
    ("người_đã_chuyển_đổi", Count, "Phòng Nội vụ"),
    ("người_phải_chuyển_đổi", Count, "Phòng Nội vụ"),
    ("cán_bộ_xã_đạt_chuẩn", Count, "Phòng Nội vụ"),
    ("tổng_số_cán_bộ_xã", Count, "Phòng Nội vụ"),
    ("công_chức_xã_đạt_chuẩn", Count, "Phòng Nội vụ"),
    ("tổng_số_công_chức_xã", Count, "Phòng Nội vụ"),
    (
        "máy_trạm_có_phần_mềm_phòng_chống_mã_độc",
        Count,
        "Phòng Văn hóa và Thông tin",
    ),
    ("tổng_số_máy_trạm", Count, "Phòng Văn hóa và Thông tin"),
    ("văn_bản_đi_ký_số", Count, "Văn phòng HĐND và UBND huyện"),
    ("tổng_số_văn_bản_đi", Count, "Văn phòng HĐND và UBND huyện"),
    (
        "hồ_sơ_giải_quyết_qua_hệ_thống",
        Count,
        "Văn phòng HĐND và UBND huyện",
    ),
    (
        "tổng_số_hồ_sơ_giải_quyết",
        Count,
        "Văn phòng HĐND và UBND huyện",
    ),
    (
        "dvctt_phát_sinh_hồ_sơ",
        Count,
        "Văn phòng HĐND và UBND huyện",
    ),
    ("tổng_số_dvctt", Count, "Văn phòng HĐND và UBND huyện"),
    ("hồ_sơ_trực_tuyến", Count, "Văn phòng HĐND và UBND huyện"),
    ("hồ_sơ_tiếp_nhận", Count, "Văn phòng HĐND và UBND huyện"),
    ("hồ_sơ_được_số_hóa", Count, "Văn phòng HĐND và UBND huyện"),
    ("kết_quả_điện_tử", Count, "Văn phòng HĐND và UBND huyện"),
    (
        "tthc_có_giao_dịch_thanh_toán",
        Count,
        "Văn phòng HĐND và UBND huyện",
    ),
    (
        "tthc_triển_khai_thanh_toán",
        Count,
        "Văn phòng HĐND và UBND huyện",
    ),
    (
        "hồ_sơ_thanh_toán_trực_tuyến",
        Count,
        "Văn phòng HĐND và UBND huyện",
    ),
    (
        "hồ_sơ_có_nghĩa_vụ_tài_chính",
        Count,
        "Văn phòng HĐND và UBND huyện",
    ),
    ("thu_ngân_sách", Number, "Phòng Tài chính - Kế hoạch"),
    (
        "dự_toán_thu_ngân_sách",
        Number,
        "Phòng Tài chính - Kế hoạch",
    ),
    (
        "chỉ_tiêu_kinh_tế_xã_hội_đạt",
        Count,
        "Phòng Tài chính - Kế hoạch",
    ),
    (
        "chỉ_tiêu_kinh_tế_xã_hội_được_giao",
        Count,
        "Phòng Tài chính - Kế hoạch",
    ),
];

// The figures, by their place in INPUTS.
const INSPECTED: usize = 0; // đơn_vị_được_kiểm_tra
const UNITS_TOTAL: usize = 1; // tổng_số_đơn_vị
const CAMPAIGN_FORMS: usize = 2; // số_hình_thức_tuyên_truyền
const TASKS_GIVEN: usize = 3; // nhiệm_vụ_được_giao
const TASKS_ON_TIME: usize = 4; // nhiệm_vụ_đúng_hạn
const TASKS_LATE: usize = 5; // nhiệm_vụ_trễ_hạn
const TASKS_NOT_DUE: usize = 6; // nhiệm_vụ_chưa_đến_hạn (mặc định 0)
const COMMUNES_PUBLIC: usize = 7;
const COMMUNES: usize = 8;
const ONE_STOP: usize = 9;
const PROCEDURES: usize = 10;
const DISTRICT_ON_TIME: usize = 11;
const DISTRICT_SETTLED: usize = 12;
const COMMUNE_ON_TIME: usize = 13;
const COMMUNE_SETTLED: usize = 14;
const OFFICES_RIGHT_GRADES: usize = 15;
const OFFICES: usize = 16;
const AGENCIES_RIGHT_POSTS: usize = 17;
const AGENCIES: usize = 18;
const ROTATED: usize = 19;
const TO_ROTATE: usize = 20;
const CADRES_QUALIFIED: usize = 21;
const CADRES: usize = 22;
const CIVIL_SERVANTS_QUALIFIED: usize = 23;
const CIVIL_SERVANTS: usize = 24;
const PROTECTED_PCS: usize = 25;
const PCS: usize = 26;
const SIGNED_LETTERS: usize = 27;
const LETTERS: usize = 28;
const FILES_IN_SYSTEM: usize = 29;
const FILES_SETTLED: usize = 30;
const SERVICES_USED: usize = 31;
const SERVICES: usize = 32;
const FILES_ONLINE: usize = 33;
const FILES_RECEIVED: usize = 34;
const FILES_DIGITISED: usize = 35;
const RESULTS_DIGITAL: usize = 36;
const PAYMENTS_USED: usize = 37;
const PAYMENTS_OFFERED: usize = 38;
const FILES_PAID_ONLINE: usize = 39;
const FILES_WITH_FEES: usize = 40;
const REVENUE: usize = 41; // thu_ngân_sách
const REVENUE_PLAN: usize = 42; // dự_toán_thu_ngân_sách
const TARGETS_MET: usize = 43;
const TARGETS: usize = 44;

// ───────────── Scoring one unit ─────────────

/// Why a criterion has no points.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Status {
    Scored,
    /// không đánh giá, with the reason the report prints.
    NotEvaluated(&'static str),
    /// Waiting for survey points.
    Survey,
    Missing,
    /// The unit's figures contradict the rule (a part above its whole, a negative whole).
    Failed,
}

impl Status {
    fn word(self) -> &'static str {
        match self {
            Status::Scored => "scored",
            Status::NotEvaluated(_) => "not_evaluated",
            Status::Survey => "survey",
            Status::Missing => "missing",
            Status::Failed => "failed",
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub struct Points {
    /// As published: rounded to 2 places.
    pub shown: Decimal,
    /// Before the total rounding (the index is computed from these).
    pub exact: Decimal,
    /// The maximum that counts for this unit.
    pub max: Decimal,
    pub status: Status,
}

/// mục II.2.3.a ("mẫu số bằng 0: không đánh giá"): a ratio over nothing is not evaluated; the
/// reason quotes the rule, as the published report does.
const ZERO_1_3_1: &str = "mẫu số bằng 0 (bậc tỷ_lệ(đơn_vị_được_kiểm_tra, tổng_số_đơn_vị) {
        từ 30% trở lên: tối đa
        từ 20% đến dưới 30%: tối đa / 2
        dưới 20%: 0
      })";
const ZERO_1_7: &str = "mẫu số bằng 0 (tỷ_lệ(nhiệm_vụ_đúng_hạn + nhiệm_vụ_trễ_hạn / 2, nhiệm_vụ_được_giao - nhiệm_vụ_chưa_đến_hạn) × tối đa)";
const ZERO_5_7_2: &str = "mẫu số bằng 0 (bậc tỷ_lệ(người_đã_chuyển_đổi, người_phải_chuyển_đổi) {
        từ 100%: tối đa
        từ 80% đến dưới 100%: tối đa / 2
        dưới 80%: 0
      })";
const ALL_SUBS_NOT_EVALUATED: &str = "không đánh giá toàn bộ tiêu chí thành phần";

enum Stop {
    Missing,
    NotEvaluated(&'static str),
    Failed,
}

fn round2(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

fn hundredths(h: i64) -> Decimal {
    Decimal::new(h, 2)
}

/// `tỷ_lệ(part, whole)`: not evaluated over a zero whole; a negative value or a part above
/// its whole is wrong data.
fn ratio(part: Decimal, whole: Decimal, zero: &'static str) -> Result<Decimal, Stop> {
    if whole.is_zero() {
        return Err(Stop::NotEvaluated(zero));
    }
    if part.is_sign_negative() && !part.is_zero() || whole.is_sign_negative() || part > whole {
        return Err(Stop::Failed);
    }
    Ok(part / whole)
}

/// `tỷ_lệ(a, b) × tối đa`, the form of every "Tỷ lệ …" criterion.
fn share(
    v: &[Option<Decimal>; 45],
    part: usize,
    whole: usize,
    max: Decimal,
    zero: &'static str,
) -> Result<Decimal, Stop> {
    let (Some(p), Some(w)) = (v[part], v[whole]) else {
        return Err(Stop::Missing);
    };
    Ok(ratio(p, w, zero)? * max)
}

/// The points of a computed criterion (index into CRITERIA), before rounding.
fn rule(index: usize, v: &[Option<Decimal>; 45], max: Decimal) -> Result<Decimal, Stop> {
    macro_rules! zero {
        ($rule:literal) => {
            concat!("mẫu số bằng 0 (", $rule, ")")
        };
    }
    match CRITERIA[index].id {
        // Bands (assumed, see the ruleset's note): ≥ 30% inspected: max; 20–30%: half; else 0.
        "1.3.1" => {
            let (Some(p), Some(w)) = (v[INSPECTED], v[UNITS_TOTAL]) else {
                return Err(Stop::Missing);
            };
            let r = ratio(p, w, ZERO_1_3_1)?;
            Ok(if r >= Decimal::new(30, 2) {
                max
            } else if r >= Decimal::new(20, 2) {
                max / Decimal::TWO
            } else {
                Decimal::ZERO
            })
        }
        // 0,25 per form of campaign, at most the maximum.
        "1.5.2" => {
            let n = v[CAMPAIGN_FORMS].ok_or(Stop::Missing)?;
            Ok((n * Decimal::new(25, 2)).min(max))
        }
        // Late tasks count half; tasks not yet due leave the denominator (default 0).
        "1.7" => {
            let (Some(given), Some(on_time), Some(late)) =
                (v[TASKS_GIVEN], v[TASKS_ON_TIME], v[TASKS_LATE])
            else {
                return Err(Stop::Missing);
            };
            let not_due = v[TASKS_NOT_DUE].unwrap_or(Decimal::ZERO);
            let r = ratio(on_time + late / Decimal::TWO, given - not_due, ZERO_1_7)?;
            Ok(r * max)
        }
        "3.2.2" => share(
            v,
            COMMUNES_PUBLIC,
            COMMUNES,
            max,
            zero!("tỷ_lệ(xã_công_khai_đầy_đủ, tổng_số_xã) × tối đa"),
        ),
        "3.3.1" => share(
            v,
            ONE_STOP,
            PROCEDURES,
            max,
            zero!("tỷ_lệ(tthc_tiếp_nhận_tại_một_cửa, tthc_thuộc_thẩm_quyền) × tối đa"),
        ),
        "3.4.1" => share(
            v,
            DISTRICT_ON_TIME,
            DISTRICT_SETTLED,
            max,
            zero!("tỷ_lệ(hồ_sơ_huyện_đúng_hạn, hồ_sơ_huyện_đã_giải_quyết) × tối đa"),
        ),
        "3.4.2" => share(
            v,
            COMMUNE_ON_TIME,
            COMMUNE_SETTLED,
            max,
            zero!("tỷ_lệ(hồ_sơ_xã_đúng_hạn, hồ_sơ_xã_đã_giải_quyết) × tối đa"),
        ),
        "5.1.1" => share(
            v,
            OFFICES_RIGHT_GRADES,
            OFFICES,
            max,
            zero!("tỷ_lệ(cơ_quan_đúng_cơ_cấu_ngạch, tổng_số_cơ_quan_hành_chính) × tối đa"),
        ),
        "5.1.2" => share(
            v,
            AGENCIES_RIGHT_POSTS,
            AGENCIES,
            max,
            zero!("tỷ_lệ(đơn_vị_sự_nghiệp_đúng_vị_trí, tổng_số_đơn_vị_sự_nghiệp) × tối đa"),
        ),
        // Bands (assumed): everyone rotated: max; 80–100%: half; below 80%: 0.
        "5.7.2" => {
            let (Some(p), Some(w)) = (v[ROTATED], v[TO_ROTATE]) else {
                return Err(Stop::Missing);
            };
            let r = ratio(p, w, ZERO_5_7_2)?;
            Ok(if r >= Decimal::ONE {
                max
            } else if r >= Decimal::new(80, 2) {
                max / Decimal::TWO
            } else {
                Decimal::ZERO
            })
        }
        "5.8.1" => share(
            v,
            CADRES_QUALIFIED,
            CADRES,
            max,
            zero!("tỷ_lệ(cán_bộ_xã_đạt_chuẩn, tổng_số_cán_bộ_xã) × tối đa"),
        ),
        "5.8.2" => share(
            v,
            CIVIL_SERVANTS_QUALIFIED,
            CIVIL_SERVANTS,
            max,
            zero!("tỷ_lệ(công_chức_xã_đạt_chuẩn, tổng_số_công_chức_xã) × tối đa"),
        ),
        "7.1.1" => share(
            v,
            PROTECTED_PCS,
            PCS,
            max,
            zero!("tỷ_lệ(máy_trạm_có_phần_mềm_phòng_chống_mã_độc, tổng_số_máy_trạm) × tối đa"),
        ),
        "7.1.2" => share(
            v,
            SIGNED_LETTERS,
            LETTERS,
            max,
            zero!("tỷ_lệ(văn_bản_đi_ký_số, tổng_số_văn_bản_đi) × tối đa"),
        ),
        "7.1.3" => share(
            v,
            FILES_IN_SYSTEM,
            FILES_SETTLED,
            max,
            zero!("tỷ_lệ(hồ_sơ_giải_quyết_qua_hệ_thống, tổng_số_hồ_sơ_giải_quyết) × tối đa"),
        ),
        "7.2.1" => share(
            v,
            SERVICES_USED,
            SERVICES,
            max,
            zero!("tỷ_lệ(dvctt_phát_sinh_hồ_sơ, tổng_số_dvctt) × tối đa"),
        ),
        "7.2.2" => share(
            v,
            FILES_ONLINE,
            FILES_RECEIVED,
            max,
            zero!("tỷ_lệ(hồ_sơ_trực_tuyến, hồ_sơ_tiếp_nhận) × tối đa"),
        ),
        "7.2.3" => share(
            v,
            FILES_DIGITISED,
            FILES_RECEIVED,
            max,
            zero!("tỷ_lệ(hồ_sơ_được_số_hóa, hồ_sơ_tiếp_nhận) × tối đa"),
        ),
        "7.2.4" => share(
            v,
            RESULTS_DIGITAL,
            FILES_SETTLED,
            max,
            zero!("tỷ_lệ(kết_quả_điện_tử, tổng_số_hồ_sơ_giải_quyết) × tối đa"),
        ),
        "7.2.6" => share(
            v,
            PAYMENTS_USED,
            PAYMENTS_OFFERED,
            max,
            zero!("tỷ_lệ(tthc_có_giao_dịch_thanh_toán, tthc_triển_khai_thanh_toán) × tối đa"),
        ),
        "7.2.7" => share(
            v,
            FILES_PAID_ONLINE,
            FILES_WITH_FEES,
            max,
            zero!("tỷ_lệ(hồ_sơ_thanh_toán_trực_tuyến, hồ_sơ_có_nghĩa_vụ_tài_chính) × tối đa"),
        ),
        // Revenue at or above the plan: max; below it, in proportion.
        "8.1" => {
            let (Some(revenue), Some(plan)) = (v[REVENUE], v[REVENUE_PLAN]) else {
                return Err(Stop::Missing);
            };
            if revenue >= plan {
                Ok(max)
            } else {
                Ok(ratio(revenue, plan, zero!("nếu thu_ngân_sách >= dự_toán_thu_ngân_sách thì tối đa ngược lại tỷ_lệ(thu_ngân_sách, dự_toán_thu_ngân_sách) × tối đa"))? * max)
            }
        }
        "8.2" => share(
            v,
            TARGETS_MET,
            TARGETS,
            max,
            zero!("tỷ_lệ(chỉ_tiêu_kinh_tế_xã_hội_đạt, chỉ_tiêu_kinh_tế_xã_hội_được_giao) × tối đa"),
        ),
        other => unreachable!("{other} has no rule"),
    }
}

/// One unit's figures as read from its row.
pub struct UnitRow {
    pub name: String,
    pub inputs: [Option<Decimal>; 45],
    /// Points given, by criterion (council and survey criteria only).
    pub points: [Option<Decimal>; 165],
}

/// A unit scored.
pub struct UnitScore {
    pub nodes: [Points; 165],
    pub achieved: Decimal,
    pub max: Decimal,
    pub complete: bool,
    pub percent: Option<Decimal>,
    pub grade: Option<&'static str>,
}

/// Xếp loại, mục II.2.4.c.
fn grade(percent: Decimal) -> &'static str {
    if percent >= Decimal::from(85) {
        "Tốt"
    } else if percent >= Decimal::from(75) {
        "Khá"
    } else if percent >= Decimal::from(50) {
        "Trung bình"
    } else if percent >= Decimal::from(40) {
        "Yếu"
    } else {
        "Kém"
    }
}

/// The children of every criterion, computed once from the table's parents.
pub struct Tree {
    children: Vec<Vec<usize>>,
    areas: Vec<usize>,
    maxima: Vec<Decimal>,
}

impl Tree {
    pub fn new() -> Tree {
        let mut children = vec![Vec::new(); CRITERIA.len()];
        let mut areas = Vec::new();
        for (i, c) in CRITERIA.iter().enumerate() {
            if c.parent == NONE {
                areas.push(i);
            } else {
                children[c.parent].push(i);
            }
        }
        Tree {
            children,
            areas,
            maxima: CRITERIA.iter().map(|c| hundredths(c.max)).collect(),
        }
    }

    /// Scores one unit: leaves from their source, then every parent from its sub-criteria
    /// (the table is in pre-order, so walking it backwards sees children first).
    pub fn score(&self, unit: &UnitRow) -> UnitScore {
        let empty = Points {
            shown: Decimal::ZERO,
            exact: Decimal::ZERO,
            max: Decimal::ZERO,
            status: Status::Scored,
        };
        let mut nodes = [empty; 165];
        for i in (0..CRITERIA.len()).rev() {
            let max = self.maxima[i];
            nodes[i] = match CRITERIA[i].source {
                Council | Survey => match unit.points[i] {
                    Some(p) => Points {
                        shown: round2(p),
                        exact: p,
                        max,
                        status: Status::Scored,
                    },
                    None if CRITERIA[i].source == Council => Points {
                        max,
                        status: Status::Missing,
                        ..empty
                    },
                    None => Points {
                        status: Status::Survey,
                        ..empty
                    },
                },
                Rule => match rule(i, &unit.inputs, max) {
                    // Points rounded to 2 places (làm tròn điểm); a rule never leaves 0…max.
                    Ok(raw) => {
                        let p = round2(raw);
                        Points {
                            shown: p,
                            exact: p,
                            max,
                            status: Status::Scored,
                        }
                    }
                    Err(Stop::NotEvaluated(why)) => Points {
                        status: Status::NotEvaluated(why),
                        ..empty
                    },
                    Err(Stop::Missing) => Points {
                        max,
                        status: Status::Missing,
                        ..empty
                    },
                    Err(Stop::Failed) => Points {
                        max,
                        status: Status::Failed,
                        ..empty
                    },
                },
                Parent => self.parent(i, &nodes),
            };
        }
        // The unit's points: scored areas whole; an area blocked by missing or wrong data
        // counts what is scored under it (shown, never as final).
        let mut exact = Decimal::ZERO;
        let mut shown = Decimal::ZERO;
        let mut max = Decimal::ZERO;
        for &a in &self.areas {
            let (e, s) = self.so_far(a, &nodes);
            exact += e;
            shown += s;
            max += nodes[a].max;
        }
        let complete = !nodes
            .iter()
            .any(|n| matches!(n.status, Status::Missing | Status::Failed));
        let percent =
            (complete && !max.is_zero()).then(|| round2(exact * Decimal::ONE_HUNDRED / max));
        UnitScore {
            nodes,
            achieved: round2(shown),
            max,
            complete,
            percent,
            grade: percent.map(grade),
        }
    }

    fn parent(&self, i: usize, nodes: &[Points; 165]) -> Points {
        let children = &self.children[i];
        let none = Points {
            shown: Decimal::ZERO,
            exact: Decimal::ZERO,
            max: Decimal::ZERO,
            status: Status::NotEvaluated(ALL_SUBS_NOT_EVALUATED),
        };
        if children
            .iter()
            .all(|&c| matches!(nodes[c].status, Status::NotEvaluated(_)))
        {
            return none;
        }
        let max: Decimal = children.iter().map(|&c| nodes[c].max).sum();
        if let Some(&blocked) = children
            .iter()
            .find(|&&c| matches!(nodes[c].status, Status::Missing | Status::Failed))
        {
            return Points {
                max,
                status: nodes[blocked].status,
                ..none
            };
        }
        let mut exact = Decimal::ZERO;
        let mut shown = Decimal::ZERO;
        let mut any = false;
        for &c in children {
            if nodes[c].status == Status::Scored {
                exact += nodes[c].exact;
                shown += nodes[c].shown;
                any = true;
            }
        }
        if !any {
            return Points {
                max,
                status: Status::Survey,
                ..none
            };
        }
        Points {
            shown: round2(shown),
            exact,
            max,
            status: Status::Scored,
        }
    }

    fn so_far(&self, i: usize, nodes: &[Points; 165]) -> (Decimal, Decimal) {
        match nodes[i].status {
            Status::Scored => (nodes[i].exact, nodes[i].shown),
            Status::Missing | Status::Failed if CRITERIA[i].source == Parent => self.children[i]
                .iter()
                .map(|&c| self.so_far(c, nodes))
                .fold((Decimal::ZERO, Decimal::ZERO), |(a, b), (c, d)| {
                    (a + c, b + d)
                }),
            _ => (Decimal::ZERO, Decimal::ZERO),
        }
    }
}

impl Default for Tree {
    fn default() -> Self {
        Tree::new()
    }
}

// ───────────── Reading the sheet ─────────────

/// What a column holds.
#[derive(Clone, Copy)]
enum Column {
    Unit,
    Input(usize),
    Points(usize),
    Other,
}

/// "A", …, "Z", "AA", … for a 0-based column.
fn column_letters(mut c: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// The cells of one line, `;` between them, `"…"` around a cell that holds one.
fn cells(line: &str) -> Vec<std::borrow::Cow<'_, str>> {
    if !line.contains('"') {
        return line.split(';').map(std::borrow::Cow::Borrowed).collect();
    }
    let mut out = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ';' if !quoted => out.push(std::borrow::Cow::Owned(std::mem::take(&mut cell))),
            c => cell.push(c),
        }
    }
    out.push(std::borrow::Cow::Owned(cell));
    out
}

/// A number as written in the sheet: digits, an optional sign, one `,` or `.` before the
/// decimals. `None` when it is not one.
fn number(text: &str) -> Option<Decimal> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (int, frac) = match digits.find([',', '.']) {
        Some(at) => (&digits[..at], &digits[at + 1..]),
        None => (digits, ""),
    };
    if int.is_empty() && frac.is_empty()
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || int.len() + frac.len() > 27
    {
        return None;
    }
    let mut mantissa: i128 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        mantissa = mantissa * 10 + i128::from(b - b'0');
    }
    let mut d = Decimal::from_i128_with_scale(mantissa, frac.len() as u32);
    d.set_sign_negative(negative);
    Some(d)
}

/// A whole number grouped by thousands: "1.253", "12,500".
fn grouped(text: &str) -> Option<Decimal> {
    let sep = text.bytes().find(|b| !b.is_ascii_digit())?;
    if sep != b'.' && sep != b',' {
        return None;
    }
    let mut groups = text.split(sep as char);
    let first = groups.next()?;
    if !(1..=3).contains(&first.len()) || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut digits = first.to_string();
    for g in groups {
        if g.len() != 3 || !g.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.push_str(g);
    }
    digits.parse::<u64>().ok().map(Decimal::from)
}

/// A number as a Vietnamese message writes it: `1.234,5` (`.` groups thousands, `,` before
/// the decimals), as chiso's reports say their problems in Vietnamese.
fn vietnamese(d: Decimal) -> String {
    let text = d.normalize().to_string();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let mut out = String::from(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// A cell that cannot be a value: its code and message.
type Bad = (&'static str, String);

fn read_input(slot: usize, text: &str) -> Result<Decimal, Bad> {
    let (name, kind, owner) = INPUTS[slot];
    let wrong =
        |code: &'static str, what: String| (code, format!("`{name}`: {what} (chủ trì: {owner})"));
    if kind == Kind::Count && text.bytes().all(|b| b.is_ascii_digit()) {
        return text
            .parse::<u64>()
            .map(Decimal::from)
            .map_err(|_| wrong("D003", format!("`{text}` không phải là một số")));
    }
    if kind == Kind::Count {
        if let Some(d) = grouped(text) {
            return Ok(d);
        }
    }
    let d = number(text).ok_or_else(|| wrong("D003", format!("`{text}` không phải là một số")))?;
    if d.is_sign_negative() && !d.is_zero() {
        return Err(wrong(
            "D004",
            format!("không được âm (gặp {})", vietnamese(d)),
        ));
    }
    if kind == Kind::Count && !d.fract().is_zero() {
        return Err(wrong(
            "D003",
            format!("số lượng phải là số nguyên, nhưng gặp {}", vietnamese(d)),
        ));
    }
    Ok(d)
}

fn read_points(node: usize, text: &str) -> Result<Decimal, Bad> {
    let c = &CRITERIA[node];
    let d = number(text).ok_or_else(|| {
        (
            "D003",
            format!("điểm của {}: `{text}` không phải là một số", c.id),
        )
    })?;
    if d.is_sign_negative() && !d.is_zero() {
        return Err((
            "D004",
            format!("điểm của {}: không được âm (gặp {})", c.id, vietnamese(d)),
        ));
    }
    if d > hundredths(c.max) {
        return Err((
            "D007",
            format!(
                "cho {} điểm cho {}, nhưng điểm tối đa của nó là {}",
                vietnamese(d),
                c.id,
                vietnamese(hundredths(c.max))
            ),
        ));
    }
    Ok(d)
}

// ───────────── Writing the report ─────────────

/// A CSV cell, quoted when it holds a comma, a quote or a line break.
fn cell(out: &mut String, text: &str) {
    if text.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

fn decimal(out: &mut String, d: Decimal) {
    let _ = write!(out, "{}", d.normalize());
}

/// The report, written unit by unit: each unit's rows are built in `csv` and handed to the
/// output; the units not scored are kept for the end, as chiso lists them.
pub struct Report {
    /// ",id,title,level," of every criterion, written once.
    prefixes: Vec<String>,
    csv: String,
    not_scored: String,
    /// (index, unit name) of every unit with an index, for the ranking.
    ranked: Vec<(Decimal, String)>,
}

impl Report {
    pub fn new() -> Report {
        let prefixes = CRITERIA
            .iter()
            .map(|c| {
                let mut p = String::from(",");
                cell(&mut p, c.id);
                p.push(',');
                cell(&mut p, c.title);
                p.push(',');
                p.push_str(c.level.word());
                p.push(',');
                p
            })
            .collect();
        Report {
            prefixes,
            csv: String::from("unit,id,title,level,max,score,status,reason,lost,percent,grade\n"),
            not_scored: String::new(),
            ranked: Vec::new(),
        }
    }

    fn unit(&mut self, name: &str, s: &UnitScore) {
        let mut quoted = String::new();
        cell(&mut quoted, name);
        let out = &mut self.csv;
        for (i, n) in s.nodes.iter().enumerate() {
            out.push_str(&quoted);
            out.push_str(&self.prefixes[i]);
            decimal(out, n.max);
            out.push(',');
            if n.status == Status::Scored {
                decimal(out, n.shown);
            }
            out.push(',');
            out.push_str(n.status.word());
            out.push(',');
            if let Status::NotEvaluated(why) = n.status {
                cell(out, why);
            }
            out.push(',');
            if n.status == Status::Scored {
                decimal(out, n.max - n.shown);
            }
            out.push_str(",,\n");
        }
        out.push_str(&quoted);
        out.push_str(",,TỔNG,unit,");
        decimal(out, s.max);
        out.push(',');
        decimal(out, s.achieved);
        out.push_str(if s.complete {
            ",scored,,"
        } else {
            ",incomplete,,"
        });
        if s.complete {
            decimal(out, s.max - s.achieved);
        }
        out.push(',');
        if let Some(p) = s.percent {
            decimal(out, p);
            self.ranked.push((p, name.to_string()));
        }
        out.push(',');
        if let Some(g) = s.grade {
            out.push_str(g);
        }
        out.push('\n');
    }

    fn bad(&mut self, name: &str, problems: &[String]) {
        cell(&mut self.not_scored, name);
        self.not_scored.push_str(",,TỔNG,unit,,,not_scored,");
        cell(&mut self.not_scored, &problems.join("; "));
        self.not_scored.push_str(",,,\n");
    }

    /// Hands the rows built so far to `out`.
    fn flush(&mut self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        out.write_all(self.csv.as_bytes())?;
        self.csv.clear();
        Ok(())
    }

    /// Writes the units not scored (last, as chiso lists them); returns the ranking.
    pub fn finish(mut self, out: &mut dyn std::io::Write) -> std::io::Result<Vec<(String, usize)>> {
        self.flush(out)?;
        out.write_all(self.not_scored.as_bytes())?;
        Ok(rank(self.ranked))
    }
}

impl Default for Report {
    fn default() -> Self {
        Report::new()
    }
}

/// Ranks by the index, highest first; equal indices share a rank and the next is skipped
/// (1, 2, 2, 4).
pub fn rank(mut units: Vec<(Decimal, String)>) -> Vec<(String, usize)> {
    units.sort_by_key(|u| std::cmp::Reverse(u.0));
    let mut out = Vec::with_capacity(units.len());
    let mut previous: Option<(Decimal, usize)> = None;
    for (position, (percent, name)) in units.into_iter().enumerate() {
        let r = match previous {
            Some((p, r)) if p == percent => r,
            _ => position + 1,
        };
        previous = Some((percent, r));
        out.push((name, r));
    }
    out
}

/// Scores a sheet (its text, and the name it is reported under), writing the CSV to `out`
/// unit by unit. Returns the ranking (unit name, rank).
pub fn score_sheet(
    text: &str,
    file: &str,
    out: &mut dyn std::io::Write,
) -> std::io::Result<Vec<(String, usize)>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines();
    let header: Vec<String> = lines
        .next()
        .map(|h| cells(h).into_iter().map(|c| c.trim().to_string()).collect())
        .unwrap_or_default();
    let columns: Vec<Column> = header
        .iter()
        .map(|h| {
            if h == "Đơn vị" {
                Column::Unit
            } else if let Some(slot) = INPUTS.iter().position(|i| i.0 == h) {
                Column::Input(slot)
            } else if let Some(node) = CRITERIA.iter().position(|c| c.id == h) {
                Column::Points(node)
            } else {
                Column::Other
            }
        })
        .collect();
    let tree = Tree::new();
    let mut report = Report::new();
    let mut row = UnitRow {
        name: String::new(),
        inputs: [None; 45],
        points: [None; 165],
    };
    let mut seen = std::collections::HashMap::new();
    for (i, line) in lines.enumerate() {
        let row_number = i + 2;
        if line.trim().is_empty() {
            continue;
        }
        row.name.clear();
        row.inputs = [None; 45];
        row.points = [None; 165];
        let mut problems = Vec::new();
        for (c, text) in cells(line).iter().enumerate() {
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            let read = match columns.get(c) {
                Some(Column::Unit) => {
                    row.name.push_str(text);
                    continue;
                }
                Some(Column::Input(slot)) => {
                    read_input(*slot, text).map(|d| row.inputs[*slot] = Some(d))
                }
                Some(Column::Points(node)) => {
                    read_points(*node, text).map(|d| row.points[*node] = Some(d))
                }
                _ => continue,
            };
            if let Err((code, message)) = read {
                problems.push(format!(
                    "lỗi[{code}] {file}, dòng {row_number}, cột {} ({}): {message}",
                    column_letters(c),
                    header[c]
                ));
            }
        }
        // A unit given twice, whatever the state of either row: the first row counts (D013).
        let twice = seen.get(&row.name).map(|first| {
            format!(
                "lỗi[D013] {file}, dòng {row_number}: đơn vị “{}” (tự đánh giá) được cho hai lần: đã có trong {file}, dòng {first}; bản này không được chấm",
                row.name
            )
        });
        match twice {
            Some(message) => problems.push(message),
            None => {
                seen.insert(row.name.clone(), row_number);
            }
        }
        if !problems.is_empty() {
            report.bad(&row.name, &problems);
            continue;
        }
        let s = tree.score(&row);
        report.unit(&row.name, &s);
        report.flush(out)?;
    }
    report.finish(out)
}

// ───────────── Generated provinces ─────────────

/// A small deterministic generator (an LCG), so both sides read the same sheet.
pub struct Dice(u64);

impl Dice {
    pub fn new(seed: u64) -> Dice {
        Dice(
            seed.wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407),
        )
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n.max(1)
    }
    pub fn one_in(&mut self, n: u64) -> bool {
        self.below(n) == 0
    }
}

/// The ratio pairs (part, whole) of the computed criteria.
const PAIRS: [(usize, usize); 20] = [
    (INSPECTED, UNITS_TOTAL),
    (COMMUNES_PUBLIC, COMMUNES),
    (ONE_STOP, PROCEDURES),
    (DISTRICT_ON_TIME, DISTRICT_SETTLED),
    (COMMUNE_ON_TIME, COMMUNE_SETTLED),
    (OFFICES_RIGHT_GRADES, OFFICES),
    (AGENCIES_RIGHT_POSTS, AGENCIES),
    (ROTATED, TO_ROTATE),
    (CADRES_QUALIFIED, CADRES),
    (CIVIL_SERVANTS_QUALIFIED, CIVIL_SERVANTS),
    (PROTECTED_PCS, PCS),
    (SIGNED_LETTERS, LETTERS),
    (FILES_IN_SYSTEM, FILES_SETTLED),
    (SERVICES_USED, SERVICES),
    (FILES_ONLINE, FILES_RECEIVED),
    (FILES_DIGITISED, FILES_RECEIVED),
    (RESULTS_DIGITAL, FILES_SETTLED),
    (PAYMENTS_USED, PAYMENTS_OFFERED),
    (FILES_PAID_ONLINE, FILES_WITH_FEES),
    (TARGETS_MET, TARGETS),
];

const PLACES: [&str; 10] = [
    "Mường Chà",
    "Tủa Chùa",
    "Tuần Giáo",
    "Điện Biên Đông",
    "Mường Ảng",
    "Nậm Pồ",
    "Mường Nhé",
    "Mường Lay",
    "Điện Biên",
    "Phình Giàng",
];

/// A sheet of `n` units, `;` between cells and decimal commas, as Excel writes it in a
/// Vietnamese locale. `messy`: with zero denominators, blanks (missing figures, missing
/// council points, survey points not yet given, tasks not yet due left to their default),
/// bad cells (text, negative figures, fractional counts, points above the maximum), parts
/// above their whole, thousands groups, units given twice, and ties (rows copied under
/// another name). Otherwise every unit is complete and valid.
pub fn province(n: usize, messy: bool, seed: u64) -> String {
    let mut dice = Dice::new(seed);
    let takes_points: Vec<usize> = (0..CRITERIA.len())
        .filter(|&i| matches!(CRITERIA[i].source, Council | Survey))
        .collect();
    let mut out = String::from("Đơn vị");
    for (name, _, _) in INPUTS {
        out.push(';');
        out.push_str(name);
    }
    for &i in &takes_points {
        out.push(';');
        out.push_str(CRITERIA[i].id);
    }
    out.push('\n');
    let mut previous: Vec<String> = Vec::new();
    for u in 0..n {
        let name = format!("UBND huyện {} {:05}", PLACES[u % PLACES.len()], u + 1);
        // A tie: the same figures as the unit before, under another name.
        if messy && u > 0 && dice.one_in(8) {
            out.push_str(&name);
            for c in &previous {
                out.push(';');
                out.push_str(c);
            }
            out.push('\n');
            continue;
        }
        // A level for the unit (how well it does), 30–100%.
        let level = 30 + dice.below(71);
        let mut v = vec![String::new(); INPUTS.len()];
        for &(part, whole) in &PAIRS {
            if v[whole].is_empty() {
                v[whole] = (1 + dice.below(2000)).to_string();
            }
            let w: u64 = v[whole].parse().unwrap_or(1);
            let p = (w * (level + dice.below(101 - level.min(100))) / 100).min(w);
            v[part] = p.to_string();
        }
        let given = 5 + dice.below(30);
        let on_time = given * level / 100;
        let late = dice.below(given - on_time + 1);
        let not_due = dice.below(given - on_time - late + 1);
        v[TASKS_GIVEN] = given.to_string();
        v[TASKS_ON_TIME] = on_time.to_string();
        v[TASKS_LATE] = late.to_string();
        v[TASKS_NOT_DUE] = not_due.to_string();
        v[CAMPAIGN_FORMS] = dice.below(7).to_string();
        let plan = 500 + dice.below(5000);
        v[REVENUE_PLAN] = plan.to_string();
        v[REVENUE] = format!("{},{}", plan * (level + 30) / 120, dice.below(10));
        let mut points: Vec<String> = takes_points
            .iter()
            .map(|&i| {
                // Points in eighths of the maximum, some with 3 or 4 decimals (rounded by
                // the ruleset to 2).
                let eighths = (level * 8 / 100 + dice.below(3)).min(8) as i64;
                let p = hundredths(CRITERIA[i].max) * Decimal::from(eighths) / Decimal::from(8);
                p.normalize().to_string().replace('.', ",")
            })
            .collect();
        if messy {
            if dice.one_in(6) {
                let (part, whole) = PAIRS[dice.below(PAIRS.len() as u64) as usize];
                v[whole] = "0".into();
                v[part] = "0".into();
            }
            if dice.one_in(25) {
                // Both of 5.8's sub-criteria over nothing: 5.8 itself is not evaluated.
                v[CADRES] = "0".into();
                v[CADRES_QUALIFIED] = "0".into();
                v[CIVIL_SERVANTS] = "0".into();
                v[CIVIL_SERVANTS_QUALIFIED] = "0".into();
            }
            if dice.one_in(10) {
                v[TASKS_NOT_DUE] = String::new(); // its default, 0
            }
            if dice.one_in(30) {
                v[TASKS_NOT_DUE] = v[TASKS_GIVEN].clone(); // nothing due yet
            }
            if dice.one_in(30) {
                let (part, whole) = PAIRS[dice.below(PAIRS.len() as u64) as usize];
                let w: u64 = v[whole].parse().unwrap_or(0);
                v[part] = (w + 1 + dice.below(5)).to_string();
            }
            if dice.one_in(30) {
                v[REVENUE] = format!("{},5", plan + dice.below(300));
            }
            if dice.one_in(25) {
                let slot = dice.below(INPUTS.len() as u64) as usize;
                v[slot] = String::new();
            }
            if dice.one_in(20) {
                let k = dice.below(points.len() as u64) as usize;
                points[k] = String::new(); // missing council points, or survey pending
            }
            if dice.one_in(40) {
                // A whole survey criterion pending (1.10's five sub-criteria).
                for (k, &i) in takes_points.iter().enumerate() {
                    if CRITERIA[i].id.starts_with("1.10.") {
                        points[k] = String::new();
                    }
                }
            }
            if dice.one_in(20) {
                let slot = dice.below(INPUTS.len() as u64) as usize;
                if INPUTS[slot].1 == Kind::Count {
                    let big = 1000 + dice.below(9000);
                    v[slot] = format!("{}.{:03}", big / 1000, big % 1000);
                }
            }
            if dice.one_in(30) {
                let slot = dice.below(INPUTS.len() as u64) as usize;
                v[slot] = ["abc", "không rõ", "-3", "2,5", "#N/A"][dice.below(5) as usize].into();
            }
            if dice.one_in(40) {
                let k = dice.below(points.len() as u64) as usize;
                points[k] = ["9", "-1", "0,5đ"][dice.below(3) as usize].into();
            }
        }
        let cells: Vec<String> = v.into_iter().chain(points).collect();
        // A unit given twice (its name again, other figures): the second is not scored.
        let name = if messy && u > 2 && dice.one_in(50) {
            format!("UBND huyện {} {:05}", PLACES[(u - 2) % PLACES.len()], u - 1)
        } else {
            name
        };
        if messy && dice.one_in(60) {
            // A name with a quote and a comma, quoted in the sheet as Excel quotes it.
            out.push_str(&format!(
                "\"UBND thị xã \"\"Mường Lay\"\", đợt {:05}\"",
                u + 1
            ));
        } else {
            out.push_str(&name);
        }
        for c in &cells {
            out.push(';');
            out.push_str(c);
        }
        out.push('\n');
        previous = cells;
    }
    out
}
