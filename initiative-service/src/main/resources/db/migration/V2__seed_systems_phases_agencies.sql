-- Seed data: the 6 Systems and 3 Phases of the Strategic Action Plan (DESIGN.md §1), and a starter agency tree.
-- Agency ids are derived from their codes (md5) so that every instance has the same ids for the same agencies.

INSERT INTO plan_system (code, name_vi, name_en, kind, sort_order) VALUES
('H1', 'Đổi mới thể chế và quản trị quốc gia', 'Institutional reform and national governance (institutions, governance capacity, digital government, high-tech security and defence)', 'STRATEGIC', 1),
('H2', 'Phát triển công nghiệp và tự chủ công nghệ', 'Industrial development and technological self-reliance (core technologies, endogenous industry, enterprise digital transformation)', 'STRATEGIC', 2),
('H3', 'An sinh và phúc lợi xã hội', 'Social security and welfare (S&T and digital transformation in health, education, agriculture, environment, labour, housing)', 'STRATEGIC', 3),
('H4', 'Hạ tầng thông tin và dữ liệu', 'Information and data infrastructure (next-generation digital infrastructure, the national data revolution)', 'STRATEGIC', 4),
('H5', 'Năng lực sáng tạo và văn hóa đổi mới', 'Creative capacity and innovation culture (people-centred innovation ecosystem, talent, scholarship)', 'STRATEGIC', 5),
('H6', 'Các Dự án đặc biệt quan trọng', 'Special national projects (national AI, gene technology, North–South high-speed railway, …)', 'SPECIAL_PROJECTS', 6);

INSERT INTO plan_phase (code, start_year, end_year, name_vi, name_en) VALUES
('P1', 2025, 2026, 'khởi động và thiết lập nền tảng', 'launch and lay the foundation'),
('P2', 2026, 2030, 'triển khai đồng bộ, đánh giá giữa kỳ', 'synchronised roll-out, mid-term evaluation'),
('P3', 2030, 2045, 'củng cố, mở rộng và hoàn thiện', 'consolidate, expand, complete');

CREATE TEMPORARY TABLE seed_agency (code TEXT, name_vi TEXT, name_en TEXT, level TEXT, parent TEXT, ord INT);
INSERT INTO seed_agency VALUES
-- central bodies
('BCDTW', 'Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số', 'Central Steering Committee on Science, Technology, Innovation and Digital Transformation', 'CENTRAL_BODY', NULL, 1),
('CP', 'Chính phủ', 'Government of Viet Nam', 'CENTRAL_BODY', NULL, 2),
('VPCP', 'Văn phòng Chính phủ', 'Office of the Government', 'CENTRAL_BODY', 'CP', 3),
-- ministries
('BQP', 'Bộ Quốc phòng', 'Ministry of National Defence', 'MINISTRY', 'CP', 10),
('BCA', 'Bộ Công an', 'Ministry of Public Security', 'MINISTRY', 'CP', 11),
('BNG', 'Bộ Ngoại giao', 'Ministry of Foreign Affairs', 'MINISTRY', 'CP', 12),
('BNV', 'Bộ Nội vụ', 'Ministry of Home Affairs', 'MINISTRY', 'CP', 13),
('BTP', 'Bộ Tư pháp', 'Ministry of Justice', 'MINISTRY', 'CP', 14),
('BTC', 'Bộ Tài chính', 'Ministry of Finance', 'MINISTRY', 'CP', 15),
('BCT', 'Bộ Công Thương', 'Ministry of Industry and Trade', 'MINISTRY', 'CP', 16),
('BNNMT', 'Bộ Nông nghiệp và Môi trường', 'Ministry of Agriculture and Environment', 'MINISTRY', 'CP', 17),
('BXD', 'Bộ Xây dựng', 'Ministry of Construction', 'MINISTRY', 'CP', 18),
('BVHTTDL', 'Bộ Văn hóa, Thể thao và Du lịch', 'Ministry of Culture, Sports and Tourism', 'MINISTRY', 'CP', 19),
('BKHCN', 'Bộ Khoa học và Công nghệ', 'Ministry of Science and Technology', 'MINISTRY', 'CP', 20),
('BGDDT', 'Bộ Giáo dục và Đào tạo', 'Ministry of Education and Training', 'MINISTRY', 'CP', 21),
('BYT', 'Bộ Y tế', 'Ministry of Health', 'MINISTRY', 'CP', 22),
('BDTTG', 'Bộ Dân tộc và Tôn giáo', 'Ministry of Ethnic and Religious Affairs', 'MINISTRY', 'CP', 23),
('NHNN', 'Ngân hàng Nhà nước Việt Nam', 'State Bank of Viet Nam', 'MINISTRY', 'CP', 24),
('TTCP', 'Thanh tra Chính phủ', 'Government Inspectorate', 'MINISTRY', 'CP', 25),
-- units below ministries
('BKHCN-CDMST', 'Cục Đổi mới sáng tạo', 'National Agency for Innovation', 'AGENCY_UNIT', 'BKHCN', 30),
('BKHCN-CCDSQG', 'Cục Chuyển đổi số quốc gia', 'National Digital Transformation Agency', 'AGENCY_UNIT', 'BKHCN', 31),
('BKHCN-CSHTT', 'Cục Sở hữu trí tuệ', 'Intellectual Property Office of Viet Nam', 'AGENCY_UNIT', 'BKHCN', 32),
('BCA-TTDLQG', 'Trung tâm Dữ liệu quốc gia', 'National Data Centre', 'AGENCY_UNIT', 'BCA', 33),
('BTC-TKQG', 'Cục Thống kê', 'National Statistics Office', 'AGENCY_UNIT', 'BTC', 34),
('BYT-CNTT', 'Cục Khoa học công nghệ và Đào tạo (Bộ Y tế)', 'Administration of Science, Technology and Training (Ministry of Health)', 'AGENCY_UNIT', 'BYT', 35),
-- institutes and universities
('VAST', 'Viện Hàn lâm Khoa học và Công nghệ Việt Nam', 'Vietnam Academy of Science and Technology', 'INSTITUTE', 'CP', 40),
('VASS', 'Viện Hàn lâm Khoa học xã hội Việt Nam', 'Vietnam Academy of Social Sciences', 'INSTITUTE', 'CP', 41),
('DHQGHN', 'Đại học Quốc gia Hà Nội', 'Vietnam National University, Hanoi', 'INSTITUTE', 'CP', 42),
('DHQGHCM', 'Đại học Quốc gia Thành phố Hồ Chí Minh', 'Vietnam National University, Ho Chi Minh City', 'INSTITUTE', 'CP', 43),
-- enterprises
('VIETTEL', 'Tập đoàn Công nghiệp - Viễn thông Quân đội', 'Viettel Group', 'ENTERPRISE', 'BQP', 50),
('VNPT', 'Tập đoàn Bưu chính Viễn thông Việt Nam', 'VNPT Group', 'ENTERPRISE', 'CP', 51),
-- provinces and centrally run cities
('HNI', 'Thành phố Hà Nội', 'Ha Noi', 'PROVINCE', 'CP', 60),
('HCM', 'Thành phố Hồ Chí Minh', 'Ho Chi Minh City', 'PROVINCE', 'CP', 61),
('DNG', 'Thành phố Đà Nẵng', 'Da Nang', 'PROVINCE', 'CP', 62),
('HPG', 'Thành phố Hải Phòng', 'Hai Phong', 'PROVINCE', 'CP', 63),
('CTO', 'Thành phố Cần Thơ', 'Can Tho', 'PROVINCE', 'CP', 64),
('HUE', 'Thành phố Huế', 'Hue', 'PROVINCE', 'CP', 65),
('QNH', 'Tỉnh Quảng Ninh', 'Quang Ninh', 'PROVINCE', 'CP', 66),
('BNH', 'Tỉnh Bắc Ninh', 'Bac Ninh', 'PROVINCE', 'CP', 67),
('NAN', 'Tỉnh Nghệ An', 'Nghe An', 'PROVINCE', 'CP', 68),
('KHA', 'Tỉnh Khánh Hòa', 'Khanh Hoa', 'PROVINCE', 'CP', 69),
('DLK', 'Tỉnh Đắk Lắk', 'Dak Lak', 'PROVINCE', 'CP', 70),
('LCI', 'Tỉnh Lào Cai', 'Lao Cai', 'PROVINCE', 'CP', 71),
('HNI-SKHCN', 'Sở Khoa học và Công nghệ Hà Nội', 'Ha Noi Department of Science and Technology', 'AGENCY_UNIT', 'HNI', 80),
('HCM-SKHCN', 'Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh', 'Ho Chi Minh City Department of Science and Technology', 'AGENCY_UNIT', 'HCM', 81);

INSERT INTO agency (id, code, name_vi, name_en, level, parent_id, created_at, updated_at)
SELECT md5('agency:' || s.code)::uuid, s.code, s.name_vi, s.name_en, s.level,
       CASE WHEN s.parent IS NULL THEN NULL ELSE md5('agency:' || s.parent)::uuid END, now(), now()
FROM seed_agency s ORDER BY s.ord;

DROP TABLE seed_agency;
