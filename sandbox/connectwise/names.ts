/** Word lists for MSP-flavoured fake data. Order matters: the seeded generator indexes into them. */

export const FIRST_NAMES = [
	'Alex', 'Jordan', 'Taylor', 'Morgan', 'Casey', 'Riley', 'Avery', 'Quinn', 'Jamie', 'Drew',
	'Maria', 'James', 'Linda', 'Robert', 'Patricia', 'Michael', 'Jennifer', 'David', 'Elizabeth', 'William',
	'Susan', 'Richard', 'Jessica', 'Joseph', 'Sarah', 'Thomas', 'Karen', 'Daniel', 'Nancy', 'Matthew',
	'Priya', 'Wei', 'Ahmed', 'Sofia', 'Mateo', 'Aisha', 'Kenji', 'Olga', 'Lucas', 'Fatima',
];

export const LAST_NAMES = [
	'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
	'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Moore', 'Jackson', 'Martin', 'Lee',
	'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker',
	'Patel', 'Nguyen', 'Kim', 'Chen', 'Okafor', 'Novak', 'Schmidt', 'Rossi', 'Silva', 'Yamamoto',
];

export const COMPANY_PREFIXES = [
	'Harbor', 'Summit', 'Bluewater', 'Cedar', 'Pinnacle', 'Riverside', 'Northgate', 'Lakeshore', 'Granite', 'Evergreen',
	'Maple', 'Ironwood', 'Silverline', 'Redstone', 'Oakridge', 'Westfield', 'Brightpath', 'Keystone', 'Clearview', 'Stonebridge',
	'Coastal', 'Prairie', 'Highland', 'Sunrise', 'Liberty', 'Meridian', 'Falcon', 'Sterling', 'Willow', 'Aspen',
];

export const COMPANY_INDUSTRIES = [
	'Dental', 'Legal', 'Logistics', 'Family Medicine', 'Accounting', 'Construction', 'Realty', 'Veterinary', 'Insurance',
	'Engineering', 'Manufacturing', 'Architects', 'Orthodontics', 'Credit Union', 'Property Management', 'Auto Group',
	'Financial Advisors', 'Physical Therapy', 'School District', 'Nonprofit',
];

export const COMPANY_SUFFIXES = ['Group', 'Partners', 'LLC', 'Inc', 'Associates', 'Co', 'Services', 'Clinic', 'Holdings', 'PC'];

export const VENDORS: ReadonlyArray<readonly [string, string]> = [
	['IngramMicro', 'Ingram Micro'],
	['Pax8', 'Pax8'],
	['TDSynnex', 'TD SYNNEX'],
	['DellTech', 'Dell Technologies'],
	['CDW', 'CDW'],
];

export const PLACES: ReadonlyArray<readonly [string, string, string]> = [
	['Tampa', 'FL', '33602'], ['Austin', 'TX', '78701'], ['Denver', 'CO', '80202'], ['Columbus', 'OH', '43215'],
	['Raleigh', 'NC', '27601'], ['Portland', 'OR', '97204'], ['Madison', 'WI', '53703'], ['Boise', 'ID', '83702'],
	['Richmond', 'VA', '23219'], ['Omaha', 'NE', '68102'], ['Tucson', 'AZ', '85701'], ['Albany', 'NY', '12207'],
];

export const STREETS = ['Main St', 'Oak Ave', 'Commerce Blvd', 'Harbor Dr', 'Market St', 'Park Pl', 'Industrial Way', 'Elm St'];

export const REGIONS = ['East', 'West', 'Central', 'South'];

export const TITLES = [
	'Office Manager', 'Practice Administrator', 'Owner', 'Controller', 'Operations Director', 'Front Desk',
	'Bookkeeper', 'IT Liaison', 'Managing Partner', 'HR Coordinator', 'Paralegal', 'Project Coordinator',
];

export const TECH_TITLES = [
	'Service Desk Technician', 'Senior Engineer', 'Network Engineer', 'Service Manager', 'Project Manager',
	'Dispatcher', 'Account Manager', 'Security Analyst', 'Field Technician', 'vCIO',
];

export const DEVICES = ['laptop', 'desktop', 'iPhone', 'Surface Pro', 'MacBook', 'reception PC', 'scanner', 'label printer'];
export const SERVERS = ['DC01', 'FS01', 'SQL01', 'APP01', 'HV-HOST1', 'RDS01', 'BACKUP01'];
export const APPS = ['Adobe Acrobat', 'QuickBooks', 'Dentrix', 'Clio', 'Teams', 'Zoom', 'AutoCAD', 'Chrome', 'Sage 50'];
export const LOCATIONS = ['front office', 'conference room B', 'warehouse', 'exam room 3', 'second floor', 'lobby', 'break room'];

/** Ticket summaries per board; `{device}` etc. are filled from the lists above. */
export const SUMMARIES: Record<string, string[]> = {
	'Service Desk': [
		'Outlook not syncing on {device}', 'Password reset for {person}', 'Printer offline in {location}',
		'New user onboarding: {person}', 'Install {app} for {person}', 'Cannot map shared drive on {device}',
		'Teams audio cutting out', 'MFA prompt loop for {person}', 'Slow {device} performance', 'Offboard user: {person}',
		'{app} crashes on launch', 'Request: second monitor for {person}', 'Mailbox full warning for {person}',
		'Phishing email reported by {person}', 'Scan to email not working in {location}',
	],
	'Managed Services Alerts': [
		'Backup job failed on {server}', 'Disk space low on {server}', 'CPU above 90% on {server}',
		'Windows update failed on {server}', 'Antivirus definitions out of date on {device}', 'Service stopped on {server}',
		'SSL certificate expiring on {server}', 'RAID degraded on {server}', 'Agent offline: {device}',
	],
	'Network Operations': [
		'Firewall VPN tunnel down', 'Wi-Fi drops in {location}', 'ISP outage at main site', 'Switch port flapping in {location}',
		'Replace access point in {location}', 'Configure VLAN for guest network', 'Firewall firmware upgrade', 'DNS resolution failures',
	],
	Escalations: [
		'Email outage affecting all users', 'Ransomware alert on {device}', 'Line-of-business app {app} down',
		'Server {server} unreachable', 'Executive laptop compromised', 'Data recovery request for {server}',
	],
};

export const NOTES = [
	'Remoted in and resolved.', 'Called user, issue confirmed and fixed.', 'Applied vendor patch.', 'Rebooted and monitored.',
	'Escalated to tier 2.', 'Replaced faulty hardware.', 'Documented in IT Glue.', 'Followed up by email.',
	'Adjusted group policy.', 'Cleared print queue and reinstalled driver.',
];

export const PROJECT_NAMES = [
	'Microsoft 365 Migration', 'Firewall Replacement', 'Server Refresh', 'Network Upgrade', 'New Office Buildout',
	'Backup & DR Implementation', 'Workstation Refresh', 'Security Assessment', 'Phone System Cutover', 'Azure AD Join',
];

/** Catalog: identifier, description, productClass, price, cost, subcategory. */
export const CATALOG: ReadonlyArray<readonly [string, string, string, number, number, string]> = [
	['M365-BP', 'Microsoft 365 Business Premium', 'Agreement', 22, 18.7, 'Licensing'],
	['M365-BS', 'Microsoft 365 Business Standard', 'Agreement', 12.5, 10.6, 'Licensing'],
	['M365-E3', 'Microsoft 365 E3', 'Agreement', 36, 30.6, 'Licensing'],
	['MWS-STD', 'Managed Workstation - Standard', 'Agreement', 45, 9, 'Managed Services'],
	['MSRV-STD', 'Managed Server - Standard', 'Agreement', 175, 40, 'Managed Services'],
	['MNET-FW', 'Managed Firewall', 'Agreement', 60, 15, 'Managed Services'],
	['BKP-1TB', 'Cloud Backup - 1 TB', 'Agreement', 120, 55, 'Backup'],
	['BKP-SRV', 'Server Image Backup', 'Agreement', 95, 38, 'Backup'],
	['SEC-EDR', 'Endpoint Detection & Response', 'Agreement', 8, 4.5, 'Security'],
	['SEC-SAT', 'Security Awareness Training', 'Agreement', 3, 1.2, 'Security'],
	['SEC-MDR', 'Managed Detection & Response', 'Agreement', 14, 8, 'Security'],
	['DNS-FLT', 'DNS Filtering', 'Agreement', 2.5, 1, 'Security'],
	['BLK-10', 'Block Time - 10 Hours', 'Service', 1450, 0, 'Professional Services'],
	['LAB-REM', 'Remote Labor (hourly)', 'Service', 150, 0, 'Professional Services'],
	['LAB-ONS', 'Onsite Labor (hourly)', 'Service', 175, 0, 'Professional Services'],
	['FGT-60F', 'FortiGate 60F Firewall', 'Inventory', 695, 520, 'Hardware'],
	['FGT-40F', 'FortiGate 40F Firewall', 'Inventory', 495, 372, 'Hardware'],
	['MER-MR36', 'Meraki MR36 Access Point', 'Inventory', 899, 640, 'Hardware'],
	['SW-24P', '24-Port PoE Switch', 'Inventory', 1150, 820, 'Hardware'],
	['DELL-5440', 'Dell Latitude 5440 Laptop', 'Inventory', 1349, 1080, 'Hardware'],
	['DELL-7020', 'Dell OptiPlex 7020 Desktop', 'Inventory', 989, 790, 'Hardware'],
	['DELL-P2425', 'Dell 24" Monitor P2425', 'Inventory', 249, 185, 'Hardware'],
	['APC-1500', 'APC Smart-UPS 1500VA', 'Inventory', 749, 560, 'Hardware'],
	['SYN-DS923', 'Synology DS923+ NAS', 'Inventory', 899, 690, 'Hardware'],
	['YUB-5NFC', 'YubiKey 5 NFC', 'NonInventory', 55, 45, 'Accessories'],
	['DOCK-WD19', 'Dell WD19S Dock', 'Inventory', 229, 170, 'Accessories'],
	['WIN11-PRO', 'Windows 11 Pro Upgrade', 'NonInventory', 199, 160, 'Licensing'],
	['ADOBE-ACR', 'Adobe Acrobat Pro (annual)', 'NonInventory', 239.88, 203.9, 'Licensing'],
	['DOM-REG', 'Domain Registration (annual)', 'NonInventory', 25, 12, 'Hosting'],
	['SSL-DV', 'SSL Certificate DV (annual)', 'NonInventory', 89, 35, 'Hosting'],
];

export const AGREEMENT_TYPES = ['Managed Services', 'Block Time', 'Backup & DR', 'Security Bundle', 'Break Fix'];
export const WORK_TYPES = ['Remote Support', 'Onsite Support', 'Project Work', 'After Hours', 'Travel'];
export const EXPENSE_TYPES = ['Mileage', 'Meals', 'Parking', 'Hardware Purchase', 'Travel'];
