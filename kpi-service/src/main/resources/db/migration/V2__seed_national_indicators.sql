-- The national indicators and targets of Resolution 57-NQ/TW (22 Dec 2024), each linked to its System (DESIGN.md §1).
-- Ranks improve downwards (LOWER_IS_BETTER). Where the Resolution gives a bound or a range ("> 60", "16–18",
-- "top 3"), the target value is the bound that must be reached and the note keeps the Resolution's wording.
-- Baselines are not in the Resolution: they stay empty until an administrator sets them (PUT /indicators/{id}).
CREATE TEMPORARY TABLE indicator_seed (code TEXT, name_vi TEXT, name_en TEXT, unit TEXT, direction TEXT,
    aggregation TEXT, system_code TEXT, owner TEXT, source TEXT, ord INT);
INSERT INTO indicator_seed VALUES
('R57-RD-GDP', 'Kinh phí chi cho nghiên cứu và phát triển (R&D) so với GDP', 'R&D expenditure, % of GDP',
 'PERCENT', 'HIGHER_IS_BETTER', 'LATEST', 'H5', 'BKHCN', 'Điều tra nghiên cứu và phát triển (Bộ Khoa học và Công nghệ, Cục Thống kê)', 1),
('R57-RD-NONSTATE', 'Tỷ trọng kinh phí chi cho R&D từ nguồn xã hội (ngoài ngân sách nhà nước)', 'Share of R&D expenditure from non-state sources, %',
 'PERCENT', 'HIGHER_IS_BETTER', 'LATEST', 'H2', 'BKHCN', 'Điều tra nghiên cứu và phát triển', 2),
('R57-BUDGET-STI', 'Tỷ lệ chi ngân sách nhà nước cho khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số trên tổng chi ngân sách hằng năm', 'State budget for S&T, innovation and digital transformation, % of total annual spending',
 'PERCENT', 'HIGHER_IS_BETTER', 'LATEST', 'H1', 'BTC', 'Quyết toán ngân sách nhà nước (Bộ Tài chính)', 3),
('R57-RD-PERSONNEL', 'Số nhân lực nghiên cứu và phát triển trên một vạn dân', 'R&D personnel per 10,000 people',
 'PER_10K_PEOPLE', 'HIGHER_IS_BETTER', 'LATEST', 'H5', 'BKHCN', 'Điều tra nghiên cứu và phát triển', 4),
('R57-DIGITAL-ECONOMY', 'Quy mô kinh tế số so với GDP', 'Digital economy, % of GDP',
 'PERCENT', 'HIGHER_IS_BETTER', 'LATEST', 'H2', 'BTC-TKQG', 'Tài khoản quốc gia (Cục Thống kê)', 5),
('R57-ONLINE-PUBLIC-SERVICE', 'Tỷ lệ người dân và doanh nghiệp sử dụng dịch vụ công trực tuyến', 'Online public service usage by citizens and businesses, %',
 'PERCENT', 'HIGHER_IS_BETTER', 'LATEST', 'H1', 'VPCP', 'Cổng Dịch vụ công quốc gia', 6),
('R57-INNOVATIVE-ENTERPRISES', 'Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo', 'Enterprises with innovation activity, %',
 'PERCENT', 'HIGHER_IS_BETTER', 'LATEST', 'H2', 'BKHCN-CDMST', 'Điều tra đổi mới sáng tạo trong doanh nghiệp', 7),
('R57-HIGHTECH-EXPORTS', 'Tỷ trọng giá trị xuất khẩu sản phẩm công nghệ cao trên tổng giá trị hàng hóa xuất khẩu', 'High-tech products in exports, %',
 'PERCENT', 'HIGHER_IS_BETTER', 'LATEST', 'H2', 'BCT', 'Thống kê hải quan, Bộ Công Thương', 8),
('R57-TFP', 'Tỷ lệ đóng góp của năng suất các nhân tố tổng hợp (TFP) vào tăng trưởng kinh tế', 'TFP contribution to growth, %',
 'PERCENT', 'HIGHER_IS_BETTER', 'LATEST', 'H2', 'BTC-TKQG', 'Tài khoản quốc gia (Cục Thống kê)', 9),
('R57-PATENT-GROWTH', 'Tốc độ tăng số lượng đơn đăng ký sáng chế và văn bằng bảo hộ sáng chế', 'Patent applications and grants, growth % per year',
 'PERCENT', 'HIGHER_IS_BETTER', 'LATEST', 'H5', 'BKHCN-CSHTT', 'Cục Sở hữu trí tuệ', 10),
('R57-PATENT-COMMERCIALISATION', 'Tỷ lệ khai thác thương mại sáng chế', 'Commercialisation rate of patents, %',
 'PERCENT', 'HIGHER_IS_BETTER', 'LATEST', 'H5', 'BKHCN-CSHTT', 'Cục Sở hữu trí tuệ', 11),
('R57-ST-ORG-RANKED', 'Số tổ chức khoa học và công nghệ được xếp hạng khu vực và thế giới', 'S&T organisations ranked regionally or globally',
 'COUNT', 'HIGHER_IS_BETTER', 'SUM', 'H5', 'BKHCN', 'Bảng xếp hạng khu vực và quốc tế', 12),
('R57-SEA-DIGITAL-COMPETITIVENESS', 'Xếp hạng năng lực cạnh tranh số trong khu vực Đông Nam Á', 'Rank in South-East Asia: digital competitiveness',
 'RANK', 'LOWER_IS_BETTER', 'LATEST', 'H4', 'BKHCN-CCDSQG', 'IMD World Digital Competitiveness Ranking', 13),
('R57-SEA-EGDI', 'Xếp hạng chỉ số phát triển Chính phủ điện tử (EGDI) trong khu vực Đông Nam Á', 'Rank in South-East Asia: e-government development index (EGDI)',
 'RANK', 'LOWER_IS_BETTER', 'LATEST', 'H1', 'BKHCN-CCDSQG', 'UN E-Government Survey', 14),
('R57-SEA-AI-RESEARCH', 'Xếp hạng nghiên cứu, phát triển trí tuệ nhân tạo trong khu vực Đông Nam Á', 'Rank in South-East Asia: AI research and development',
 'RANK', 'LOWER_IS_BETTER', 'LATEST', 'H6', 'BKHCN', 'Bảng xếp hạng nghiên cứu trí tuệ nhân tạo', 15),
('R57-GII-RANK', 'Xếp hạng Chỉ số Đổi mới sáng tạo toàn cầu (GII)', 'Global Innovation Index rank',
 'RANK', 'LOWER_IS_BETTER', 'LATEST', 'H5', 'BKHCN', 'WIPO Global Innovation Index', 16);

INSERT INTO indicator (id, code, name_vi, name_en, unit, direction, aggregation, frequency, tier, system_code,
                       owner_agency, reporting_agencies, data_source, method, grace_days, created_by)
SELECT md5('indicator:' || s.code)::uuid, s.code, s.name_vi, s.name_en, s.unit, s.direction, s.aggregation, 'ANNUAL',
       'STRATEGIC', s.system_code, s.owner, jsonb_build_array(s.owner), s.source,
       'Nghị quyết 57-NQ/TW ngày 22/12/2024', 90, 'migration'
FROM indicator_seed s ORDER BY s.ord;

CREATE TEMPORARY TABLE target_seed (code TEXT, period TEXT, value NUMERIC, note TEXT);
INSERT INTO target_seed VALUES
('R57-RD-GDP', '2030', 2, '2% GDP'),
('R57-RD-NONSTATE', '2030', 60, '> 60%'),
('R57-BUDGET-STI', '2030', 3, '≥ 3% tổng chi ngân sách hằng năm'),
('R57-RD-PERSONNEL', '2030', 12, '12 người trên một vạn dân'),
('R57-DIGITAL-ECONOMY', '2030', 30, '≥ 30% GDP'),
('R57-DIGITAL-ECONOMY', '2045', 50, '≥ 50% GDP'),
('R57-ONLINE-PUBLIC-SERVICE', '2030', 80, '> 80%'),
('R57-INNOVATIVE-ENTERPRISES', '2030', 40, '> 40%'),
('R57-HIGHTECH-EXPORTS', '2030', 50, '≥ 50%'),
('R57-TFP', '2030', 55, '> 55%'),
('R57-PATENT-GROWTH', '2030', 16, '16–18% mỗi năm'),
('R57-PATENT-COMMERCIALISATION', '2030', 8, '8–10%'),
('R57-ST-ORG-RANKED', '2030', 40, '40–50 tổ chức'),
('R57-SEA-DIGITAL-COMPETITIVENESS', '2030', 3, 'top 3 Đông Nam Á'),
('R57-SEA-EGDI', '2030', 3, 'top 3 Đông Nam Á'),
('R57-SEA-AI-RESEARCH', '2030', 3, 'top 3 Đông Nam Á'),
('R57-GII-RANK', '2045', 30, 'top 30 thế giới');

INSERT INTO indicator_target (indicator_id, period, value, note)
SELECT md5('indicator:' || t.code)::uuid, t.period, t.value, t.note FROM target_seed t;

INSERT INTO indicator_current (indicator_id, system_code, initiative_id, tier, status, missing)
SELECT id, system_code, initiative_id, tier, 'GREY', '["baseline", "values"]'::jsonb FROM indicator;

DROP TABLE indicator_seed;
DROP TABLE target_seed;
